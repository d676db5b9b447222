import { http, type HttpHandler } from 'msw'
import { createApp, type LoggedRequest } from './app.js'
import { MockState } from './domain/state.js'
import { withFaults } from './faults/apply.js'
import { FaultInjector, type FaultCounts, type FaultOptions } from './faults/injector.js'
import { withCors } from './http/cors.js'
import type { Quirks } from './http/dialect.js'
import { randomId } from './ids.js'
import { MockStore } from './store.js'
import type { MockWebhookOptions } from './webhooks/types.js'
import { deliverStateEvents } from './webhooks/wire-up.js'

/** Options of {@link createMockApi}; the webhook options are in {@link MockWebhookOptions}. */
export interface MockOptions extends MockWebhookOptions {
  /** Which server to imitate. @defaultValue `'standard'` */
  quirks?: Quirks | undefined
  /** The mock's clock, for expiry and timestamps. @defaultValue `() => new Date()` */
  clock?: (() => Date) | undefined
  /**
   * Makes ids. @defaultValue random KSUID-shaped ids from Web Crypto (the Node entry,
   * `@signoff/mock/node`, uses the `ksuid` package)
   */
  generateId?: (() => string) | undefined
  /** Seeded, reproducible fault injection (5xx, 429, resets, slow and lost answers, broken bodies). */
  faults?: FaultOptions | undefined
  /**
   * Whether to start with a default workspace and an all-scopes key (`store.defaults`);
   * `false` starts empty, for tests that build every workspace and key themselves.
   * @defaultValue `true`
   */
  seed?: boolean | undefined
}

/** Controls the mock's fault injection while it runs. */
export interface MockFaults {
  /** Replaces the fault rules (and seed, delay), e.g. between the phases of a test. */
  configure(options: FaultOptions): void
  /** How many faults of each kind were injected so far. */
  readonly counts: FaultCounts
}

/** A mock PromptRails API: answer requests in-process, through MSW, or over HTTP (`@signoff/mock/node`). */
export interface MockApi {
  /** Answers one request, as the server would. */
  fetch(request: Request): Promise<Response>
  /** MSW handlers that send every request under `${baseUrl}/api/v1/` to this mock. */
  handlers(baseUrl?: string): HttpHandler[]
  /** The state, for seeding and for checking what happened. */
  readonly store: MockStore
  /** Every request answered so far, oldest first. */
  readonly requests: readonly LoggedRequest[]
  /** Forgets the request log. */
  clearRequests(): void
  /** The dialect this mock speaks. */
  readonly quirks: Quirks
  /** Fault injection: off unless configured. */
  readonly faults: MockFaults
  /**
   * Sends every webhook delivery whose retry is due by the mock's clock, and resolves with how
   * many once they finished. With an injected `clock`, this is what runs retries: move the
   * clock, then call it. With the default clock, retries also run by themselves.
   */
  deliverDue(): Promise<number>
  /** Resolves once no webhook delivery is under way (retries scheduled for later are not awaited). */
  idle(): Promise<void>
}

/** The PromptRails API's public address, where MSW handlers listen by default. */
export const DEFAULT_MOCK_BASE_URL = 'https://api.promptrails.ai'

/**
 * Creates a mock PromptRails approvals API with its state in memory. It starts with a default
 * workspace and an all-scopes key (`store.defaults`).
 *
 * @example
 * ```ts
 * const mock = createMockApi()
 * const server = setupServer(...mock.handlers())
 * const agent = mock.store.createAgent({ name: 'Replies', config: { approval_required: true, checkpoint_name: 'review' } })
 * ```
 */
export function createMockApi(options: MockOptions = {}): MockApi {
  const quirks = options.quirks ?? 'standard'
  const state = new MockState({ generateId: options.generateId ?? randomId, clock: options.clock ?? (() => new Date()) })
  const webhooks = deliverStateEvents(state, { ...options, generateId: options.generateId ?? randomId })
  const log: LoggedRequest[] = []
  const app = createApp(state, quirks, log)
  const injector = new FaultInjector(options.faults)
  // CORS outermost: preflights never draw a fault, and injected faults carry CORS headers.
  const fetch = withCors(withFaults(async (request: Request) => app.fetch(request), injector))
  return {
    fetch,
    handlers: (baseUrl = DEFAULT_MOCK_BASE_URL) => [
      http.all(`${baseUrl.replace(/\/+$/, '')}/api/v1/*`, ({ request }) => fetch(request)),
    ],
    store: new MockStore(state, webhooks, options.seed ?? true),
    get requests() {
      return log
    },
    clearRequests: () => {
      log.length = 0
    },
    quirks,
    faults: {
      configure: (faults) => injector.configure(faults),
      get counts() {
        return injector.counts
      },
    },
    deliverDue: () => webhooks.deliverDue(),
    idle: () => webhooks.idle(),
  }
}
