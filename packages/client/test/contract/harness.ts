import { createMockApi, type MockApi } from '@signoff/mock'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { Signoff, type ClientOptions } from '../../src/index.js'

/** Where the contract tests point the client; MSW answers for it, nothing leaves the process. */
export const BASE_URL = 'https://api.promptrails.test'

/** The two server dialects every contract test runs against. */
export const QUIRKS = ['standard', 'emulator'] as const

/** One dialect's test fixture: a fresh mock per test, served through MSW. */
export interface Harness {
  /** The mock behind MSW for the current test. */
  mock: MockApi
  /** Every request that reached the network layer in the current test (handled or not). */
  sent: Request[]
  /** A client with the mock's default key and no retries (tests that want retries say so). */
  client(options?: ClientOptions): Signoff
}

const server = setupServer()
let listening = false

/**
 * Registers MSW for a test file and returns a fixture whose mock is replaced before each
 * test, so no test sees another's state.
 */
export function useMockApi(quirks: (typeof QUIRKS)[number]): Harness {
  const harness = {
    sent: [] as Request[],
    client(options: ClientOptions = {}) {
      return new Signoff({ apiKey: harness.mock.store.defaults.apiKey, baseUrl: BASE_URL, maxRetries: 0, ...options })
    },
  } as Harness

  beforeAll(() => {
    if (!listening) server.listen({ onUnhandledFrame: 'error' })
    listening = true
    server.events.on('request:start', ({ request }) => {
      harness.sent.push(request)
    })
  })
  beforeEach(() => {
    harness.mock = createMockApi({ quirks })
    harness.sent.length = 0
    server.resetHandlers(...harness.mock.handlers(BASE_URL))
  })
  afterEach(() => {
    server.resetHandlers()
  })
  afterAll(() => {
    server.events.removeAllListeners()
  })
  return harness
}

/** The MSW server, for tests that answer a request themselves (broken servers, faults). */
export { server }

/** Creates an agent whose runs pause at the `review_response` checkpoint. */
export function seedApprovalAgent(mock: MockApi, checkpoint = 'review_response') {
  return mock.store.createAgent({
    name: 'Support replies',
    config: { approval_required: true, checkpoint_name: checkpoint, temperature: 0.7 },
  })
}
