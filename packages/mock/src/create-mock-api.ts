import { createApp } from './app.js'
import { MockState } from './domain/state.js'
import { FaultInjector, type FaultCounts, type FaultOptions } from './faults/injector.js'
import { DEFAULT_MAX_BODY_BYTES } from './http/body.js'
import { dialectOf, type DialectName, type Quirks } from './http/dialect.js'
import type { TransportBindings } from './http/env.js'
import { ERROR_BODY_SHAPES, type ErrorBodyShape } from './http/render.js'
import { DEFAULT_REQUEST_LOG_LIMIT, RequestLog, type LoggedRequest } from './http/request-log.js'
import { randomId } from './ids.js'
import { MockStore } from './store.js'
import type { MockWebhookOptions } from './webhooks/types.js'
import { deliverStateEvents } from './webhooks/wire-up.js'
import { webhookControl, type MockWebhooks } from './webhooks/control.js'

/** Options of {@link createMockApi}; the webhook options are in {@link MockWebhookOptions}. */
export interface MockOptions extends MockWebhookOptions {
  /**
   * Which server to imitate: everything that differs between servers (list meta spelling,
   * error bodies, the status of a second decision, execute's id fields, idempotency) follows
   * this one choice. See the dialect table in the package README.
   * @defaultValue `'standard'`
   */
  dialect?: DialectName | undefined
  /** The former name of `dialect`, still accepted; `dialect` wins when both are given. */
  quirks?: Quirks | undefined
  /**
   * Sends every error body in one shape instead of the dialect's: `short` (`{"error": "…"}`)
   * or `bare` (`{"message": "…"}`), to test a client against the shapes other servers send.
   * @defaultValue `'dialect'`
   */
  errorBodies?: ErrorBodyShape | undefined
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
  /** The largest request body read; a larger one is answered 413. @defaultValue `1048576` (1 MiB) */
  maxBodyBytes?: number | undefined
  /** How many requests `mock.requests` keeps (the oldest go first). @defaultValue `10000` */
  requestLogLimit?: number | undefined
}

/** Controls the mock's fault injection while it runs. */
export interface MockFaults {
  /** Replaces the fault rules (and seed, delay), e.g. between the phases of a test. */
  configure(options: FaultOptions): void
  /** How many faults of each kind were injected so far. */
  readonly counts: FaultCounts
}

/**
 * A mock PromptRails API: answer requests in-process, or over HTTP (`@signoff/mock/node`).
 * `@signoff/mock` adds MSW handlers to it ({@link MockApi}).
 */
export interface MockApiCore {
  /** Answers one request, as the server would (a dropped connection is `Response.error()`). */
  fetch(request: Request): Promise<Response>
  /** The state, for seeding and for checking what happened. */
  readonly store: MockStore
  /** The last requests answered (up to `requestLogLimit`), oldest first. */
  readonly requests: readonly LoggedRequest[]
  /** Forgets the request log. */
  clearRequests(): void
  /** The dialect this mock speaks. */
  readonly dialect: DialectName
  /** The former name of `dialect`. */
  readonly quirks: DialectName
  /** Fault injection: off unless configured. */
  readonly faults: MockFaults
  /** Webhook endpoints, the delivery log, and running retries: every webhook control in one place. */
  readonly webhooks: MockWebhooks
  /** Same as `webhooks.deliverDue()`. */
  deliverDue(): Promise<number>
  /** Same as `webhooks.idle()`. */
  idle(): Promise<void>
}

/** The PromptRails API's public address, where MSW handlers listen by default. */
export const DEFAULT_MOCK_BASE_URL = 'https://api.promptrails.ai'

// How each transport answers with its own bindings (the Node server drops sockets itself).
const transports = new WeakMap<MockApiCore, (request: Request, bindings: TransportBindings) => Promise<Response>>()

/** @internal The app behind a mock, for the transports: answers with the transport's bindings. */
export function transportOf(mock: MockApiCore): (request: Request, bindings: TransportBindings) => Promise<Response> {
  const answer = transports.get(mock)
  if (answer === undefined) throw new TypeError('not a mock created by createMockApi')
  return answer
}

/** Creates the mock without MSW: what `createMockApi` and `startMockServer` build on. */
export function createMockApiCore(options: MockOptions = {}): MockApiCore {
  const dialect = dialectOf(options.dialect ?? options.quirks ?? 'standard')
  const errorBodies = options.errorBodies ?? 'dialect'
  if (!ERROR_BODY_SHAPES.includes(errorBodies)) throw new TypeError(`errorBodies must be one of ${ERROR_BODY_SHAPES.join(', ')}`)
  const maxBodyBytes = positiveInteger(options.maxBodyBytes, DEFAULT_MAX_BODY_BYTES, 'maxBodyBytes')
  const log = new RequestLog(positiveInteger(options.requestLogLimit, DEFAULT_REQUEST_LOG_LIMIT, 'requestLogLimit'))
  const generateId = options.generateId ?? randomId
  const state = new MockState({ generateId, clock: options.clock ?? (() => new Date()) })
  const deliverer = deliverStateEvents(state, { ...options, generateId })
  const injector = new FaultInjector(options.faults)
  const app = createApp({ state, dialect, errorBodies, log, injector, maxBodyBytes })
  const answer = (request: Request, bindings: TransportBindings) => Promise.resolve(app.fetch(request, bindings))
  const webhooks = webhookControl(deliverer)
  const mock: MockApiCore = {
    fetch: async (request) => {
      let dropped = false
      const response = await answer(request, { dropConnection: () => (dropped = true) })
      return dropped ? Response.error() : response
    },
    store: new MockStore(state, webhooks, options.seed ?? true),
    get requests() {
      return log.entries
    },
    clearRequests: () => log.clear(),
    dialect: dialect.name,
    quirks: dialect.name,
    faults: {
      configure: (faults) => injector.configure(faults),
      get counts() {
        return injector.counts
      },
    },
    webhooks,
    deliverDue: () => webhooks.deliverDue(),
    idle: () => webhooks.idle(),
  }
  transports.set(mock, answer)
  return mock
}

function positiveInteger(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback
  if (!Number.isSafeInteger(value) || value < 1) throw new TypeError(`${name} must be a positive integer`)
  return value
}
