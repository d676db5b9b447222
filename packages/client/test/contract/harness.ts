import { createMockApi, type MockApi } from '@signoff/mock'
import { http, HttpResponse } from 'msw'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { Signoff, type ClientOptions } from '../../src/index.js'
import { network } from './network.js'
import { conformingHandlers } from '../../../schemas/openapi/conformance.js'

/** Where the contract tests point the client; MSW answers for it, nothing leaves the process. */
export const BASE_URL = 'https://api.promptrails.test'

/** The server dialects every contract test runs against (`newer` spells list meta `pages`). */
export const QUIRKS = ['standard', 'emulator', 'newer'] as const

/** One dialect's test fixture: a fresh mock per test, served through MSW. */
export interface Harness {
  /** The mock behind MSW for the current test. */
  mock: MockApi
  /** Every request that reached the network layer in the current test (handled or not). */
  sent: Request[]
  /** A client with the mock's default key and no retries (tests that want retries say so). */
  client(options?: ClientOptions): Signoff
}

let listening = false

/**
 * Registers MSW for a test file and returns a fixture whose mock is replaced before each
 * test, so no test sees another's state.
 */
export function useMockApi(quirks: (typeof QUIRKS)[number]): Harness {
  const harness = {
    sent: [] as Request[],
    client(options: ClientOptions = {}) {
      return new Signoff({
        apiKey: harness.mock.store.defaults.apiKey,
        baseUrl: BASE_URL,
        maxRetries: 0,
        // The test page is private and the key a mock's, so the browser key guard is lifted
        // (in Node the flag changes nothing).
        dangerouslyAllowBrowser: true,
        ...options,
      })
    },
  } as Harness

  beforeAll(async () => {
    if (!listening) await network.start()
    listening = true
    network.onRequest((request) => harness.sent.push(request))
  })
  beforeEach(() => {
    harness.mock = createMockApi({ dialect: quirks })
    harness.sent.length = 0
    network.resetHandlers(...conformingHandlers(harness.mock, BASE_URL))
  })
  afterEach(() => {
    network.resetHandlers()
  })
  afterAll(() => {
    network.clearListeners()
  })
  return harness
}

/** The MSW network (Node or browser), for tests that answer a request themselves (broken servers, faults). */
export const server = network

/** Creates an agent whose runs pause at the `review_response` checkpoint. */
export function seedApprovalAgent(mock: MockApi, checkpoint = 'review_response') {
  return mock.store.createAgent({
    name: 'Support replies',
    config: { approval_required: true, checkpoint_name: checkpoint, temperature: 0.7 },
  })
}

/** A valid approval as a server sends it, for tests that answer a request themselves. */
export const SAMPLE_APPROVAL = {
  id: '2Nz3qkGXBtBLqYuwKyWqu9BFWaE',
  execution_id: 'exec1',
  agent_id: 'agent1',
  workspace_id: 'ws1',
  checkpoint_name: 'review_response',
  payload: null,
  status: 'pending',
  decided_by: null,
  decided_at: null,
  expires_at: null,
  reason: null,
  created_at: '2026-01-02T03:04:05.123456789Z',
}

/** Runs an execution of a fresh approval agent and returns the approval it waits for. */
export async function pendingApproval(harness: Harness, message = 'Where is my order?') {
  const agent = seedApprovalAgent(harness.mock)
  const execution = await harness.client().agents.execute({ agent_id: agent.id, input: { message } })
  return harness.client().executions.pending_approval(execution.id)
}

/**
 * Lets the first decide reach the mock and be applied, then loses its response (a dropped
 * connection). Returns how many attempts have come so far.
 */
export function loseFirstDecideResponse(harness: Harness): () => number {
  let attempts = 0
  network.use(
    http.post(`${BASE_URL}/api/v1/approvals/:id/decide`, async ({ request }) => {
      attempts += 1
      if (attempts > 1) return undefined
      await harness.mock.fetch(request.clone())
      return HttpResponse.error()
    }),
  )
  return () => attempts
}
