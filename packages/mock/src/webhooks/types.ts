import type { MockEventType } from '../domain/events.js'

/**
 * A URL the mock sends its events to, signed the Standard Webhooks way.
 *
 * @example
 * ```ts
 * const mock = createMockApi({
 *   webhooks: [{ url: 'http://127.0.0.1:3000/webhooks', secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' }],
 * })
 * ```
 */
export interface MockWebhookEndpoint {
  /** Where each event is POSTed (`http:` or `https:`). */
  url: string
  /**
   * The signing secret, `whsec_` followed by base64 key bytes. Several secrets model a
   * rotation: every message then carries one `v1,` signature per secret.
   */
  secret: string | readonly string[]
  /** Which events this endpoint receives. @defaultValue every event type */
  events?: readonly MockEventType[] | undefined
}

/** One try at sending a message: the HTTP status it got, or why it got none. */
export type MockDeliveryAttempt = {
  /** When the attempt was sent, by the mock's clock (RFC 3339). */
  at: string
  /** How long the attempt took, in real milliseconds. */
  durationMs: number
} & (
  | {
      /** The receiver's status; only 2xx counts as delivered. */
      status: number
    }
  | {
      /** Why no answer came: `"timeout after N ms"`, or the connection error's message. */
      error: string
    }
)

/** One message to one endpoint, with every attempt made to send it. */
export interface MockDelivery {
  /** The message id, sent as `webhook-id`; redeliveries keep it. */
  id: string
  /** The endpoint it is for (an id from `store.addWebhookEndpoint`, or one given to options). */
  endpointId: string
  /** The endpoint's URL. */
  url: string
  /** The event type. */
  type: MockEventType
  /** Every attempt so far, oldest first. */
  attempts: MockDeliveryAttempt[]
  /** Whether an attempt got a 2xx answer. */
  delivered: boolean
  /**
   * When the next retry is due (RFC 3339, the mock's clock); `null` while an attempt is under
   * way, once delivered, when the retry schedule is used up, or when the endpoint was removed.
   */
  nextAttemptAt: string | null
}

/** The time between failed attempts by default: 1 s, 5 s, 30 s, 2 min, 10 min (six attempts in all). */
export const DEFAULT_WEBHOOK_RETRY_SCHEDULE: readonly number[] = [1_000, 5_000, 30_000, 120_000, 600_000]

/** How long an attempt may take before it counts as failed, by default: 5 s. */
export const DEFAULT_WEBHOOK_TIMEOUT_MS = 5_000

/** The webhook options of `createMockApi` (and `startMockServer`). */
export interface MockWebhookOptions {
  /** Endpoints that receive every event from the start; more can be added with `store.addWebhookEndpoint`. */
  webhooks?: readonly MockWebhookEndpoint[] | undefined
  /**
   * Milliseconds to wait before each retry of a failed delivery; its length is the number of
   * retries. With the default clock, retries run on real timers (which never keep a Node
   * process alive); with an injected `clock`, call `mock.deliverDue()` after moving it.
   * @defaultValue {@link DEFAULT_WEBHOOK_RETRY_SCHEDULE}: 1 s, 5 s, 30 s, 2 min, 10 min
   */
  webhookRetrySchedule?: readonly number[] | undefined
  /** Milliseconds an attempt may take before it counts as failed. @defaultValue `5000` */
  webhookTimeoutMs?: number | undefined
  /**
   * Sends the deliveries, e.g. to hand them to an in-process receiver or a test double.
   * @defaultValue the global `fetch`, looked up at each attempt (so MSW sees deliveries to URLs it handles)
   */
  webhookFetch?: ((request: Request) => Promise<Response>) | undefined
}
