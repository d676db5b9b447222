// A mock API behind MSW with a clock the tests move, and helpers to put runs at a checkpoint.
import { Signoff, type ClientOptions } from '@signoff/client'
import { createMockApi, type MockApi } from '@signoff/mock'
import { delay, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'

export const BASE_URL = 'https://api.promptrails.test'

/** What each test gets: a fresh mock, a client for it, and a gated agent. */
export interface WaitFixture {
  mock: MockApi
  agentId: string
  /** Moves the mock's clock forward (approvals expire by it). */
  advance(ms: number): void
  client(options?: ClientOptions): Signoff
  /** Runs the agent to its checkpoint; returns the execution and its pending approval's ids. */
  paused(message?: string): Promise<{ executionId: string; approvalId: string }>
  /** Decides as a person would, through the API. */
  decide(approvalId: string, decision: 'approved' | 'rejected', reason?: string): Promise<void>
}

export const server = setupServer()

/** Registers MSW for a test file; every test starts from a new mock. */
export function useWaitFixture(): WaitFixture {
  let offset = 0
  const fixture = {
    advance: (ms: number) => void (offset += ms),
    client: (options: ClientOptions = {}) =>
      new Signoff({ apiKey: fixture.mock.store.defaults.apiKey, baseUrl: BASE_URL, maxRetries: 0, ...options }),
    async paused(message = 'Where is my order?') {
      const execution = await fixture.client().agents.execute({ agent_id: fixture.agentId, input: { message } })
      const approval = await fixture.client().executions.pending_approval(execution.id)
      return { executionId: execution.id, approvalId: approval.id }
    },
    async decide(approvalId: string, decision: 'approved' | 'rejected', reason = 'checked') {
      await fixture.client().approvals.decide(approvalId, { decision, reason })
    },
  } as WaitFixture

  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }))
  beforeEach(() => {
    offset = 0
    fixture.mock = createMockApi({ clock: () => new Date(Date.now() + offset) })
    const config = { approval_required: true, checkpoint_name: 'review', approval_expires_in_seconds: 3600 }
    fixture.agentId = fixture.mock.store.createAgent({ name: 'Refund bot', config }).id
    server.resetHandlers(...fixture.mock.handlers(BASE_URL))
  })
  afterEach(() => server.resetHandlers())
  afterAll(() => server.close())
  return fixture
}

/** Resolves after `ms`. */
export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Answers list reads from the fixture's mock after `ms`, counting how many are in flight at once. */
export function slowList(fixture: WaitFixture, ms: number): { inFlight: number; mostInFlight: number; reads: number } {
  const seen = { inFlight: 0, mostInFlight: 0, reads: 0 }
  server.use(
    http.get(`${BASE_URL}/api/v1/approvals`, async ({ request }) => {
      seen.reads += 1
      seen.inFlight += 1
      seen.mostInFlight = Math.max(seen.mostInFlight, seen.inFlight)
      await delay(ms)
      seen.inFlight -= 1
      return fixture.mock.fetch(request)
    }),
  )
  return seen
}
