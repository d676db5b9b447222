import {
  InvalidRequestError,
  isInvalidRequestError,
  createWebhookVerifier,
  type ApprovalEvent,
  type PayloadOf,
  type PayloadSchema,
  type SchemaIssue,
  type WebhookEvent,
  type WebhookEventType,
  type WebhookVerifier,
} from '@signoff/client'
import { WEBHOOK_EVENT_TYPES } from '@signoff/schemas'

/** The handler for each event type; each gets its event, typed. */
export type WebhookHandlers<P> = {
  [K in WebhookEventType]?: (event: ApprovalEvent<K, P>) => void | Promise<void>
}

/** Options of {@link createWebhookHandler}. Each is checked when the handler is created. */
export interface WebhookHandlerOptions<S extends PayloadSchema | undefined = undefined> {
  /**
   * The signing secret (`whsec_…`), or several during a rotation. A malformed one (or one bad
   * entry of the list) is refused at once.
   * @defaultValue `PROMPTRAILS_WEBHOOK_SECRET`
   */
  secret?: string | readonly string[] | undefined
  /** What to do for each event type. Events without a handler are acknowledged and dropped. */
  on: WebhookHandlers<PayloadOf<S>>
  /**
   * Called with every failure (rejected message, handler error), for logging. Its messages
   * never contain the secret. It may be async; if it throws or rejects, that is ignored and
   * the sender is answered all the same.
   */
  onError?: ((error: unknown, event?: WebhookEvent<PayloadOf<S>>) => void) | undefined
  /** Checks and types the approval payload of every event. */
  payloadSchema?: S | undefined
  /** Largest body accepted, in bytes; larger gets 413. @defaultValue `1048576` (1 MiB) */
  maxBodyBytes?: number | undefined
  /**
   * Milliseconds the whole body may take to arrive once the request has started; a body
   * still incomplete then gets 408 and the connection is closed.
   * @defaultValue `10000`
   */
  bodyTimeoutMs?: number | undefined
  /**
   * How many handled message ids are kept to drop redeliveries. An id is never forgotten
   * while its message could still pass the timestamp check; beyond that, the oldest go first.
   * @defaultValue `100000`
   */
  rememberIds?: number | undefined
  /** Seconds a message's timestamp may be off, either way. @defaultValue `300` */
  toleranceSeconds?: number | undefined
  /** The current time in milliseconds, for tests with a fake clock. @defaultValue `Date.now` */
  now?: (() => number) | undefined
}

/** The options after checking, with defaults applied. */
export interface HandlerSettings<S extends PayloadSchema | undefined> {
  verifier: WebhookVerifier<S>
  maxBodyBytes: number
  bodyTimeoutMs: number
  rememberIds: number
  toleranceSeconds: number
  now: () => number
}

const METHOD = 'createWebhookHandler'
const MAX_DELAY_MS = 2 ** 31 - 1

/**
 * Checks the options and applies defaults. Every problem is listed at once in one
 * `InvalidRequestError`, which names options and never repeats the secret.
 */
export function settingsOf<S extends PayloadSchema | undefined>(options: WebhookHandlerOptions<S>): HandlerSettings<S> {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidRequestError(METHOD, [{ path: [], message: 'pass an options object: { secret, on }' }])
  }
  const issues = handlerIssues(options)
  const secret = options.secret ?? (process.env['PROMPTRAILS_WEBHOOK_SECRET'] || undefined)
  let verifier: WebhookVerifier<S> | undefined
  if (secret === undefined) {
    issues.push({ path: ['secret'], message: 'no signing secret: pass { secret } or set PROMPTRAILS_WEBHOOK_SECRET' })
  } else {
    try {
      verifier = createWebhookVerifier({ secret, payloadSchema: options.payloadSchema, toleranceSeconds: options.toleranceSeconds, now: options.now })
    } catch (error) {
      if (!isInvalidRequestError(error)) throw error
      issues.push(...error.issues)
    }
  }
  if (verifier === undefined || issues.length > 0) throw new InvalidRequestError(METHOD, issues)
  return {
    verifier,
    maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
    bodyTimeoutMs: options.bodyTimeoutMs ?? 10_000,
    rememberIds: options.rememberIds ?? 100_000,
    toleranceSeconds: options.toleranceSeconds ?? 300,
    now: options.now ?? Date.now,
  }
}

function handlerIssues(options: WebhookHandlerOptions<PayloadSchema | undefined>): SchemaIssue[] {
  const issues: SchemaIssue[] = []
  const problem = (path: PropertyKey[], message: string) => issues.push({ path, message })
  const { on } = options
  if (typeof on !== 'object' || on === null) {
    problem(['on'], "on must be an object of handlers by event type, such as { 'approval.decided': (event) => … }")
  } else {
    for (const [type, handle] of Object.entries(on)) {
      if (!(WEBHOOK_EVENT_TYPES as readonly string[]).includes(type)) {
        problem(['on', type], `there is no event type "${type}"; the types are ${WEBHOOK_EVENT_TYPES.join(', ')}`)
      } else if (handle !== undefined && typeof handle !== 'function') {
        problem(['on', type], 'each handler must be a function')
      }
    }
  }
  if (options.onError !== undefined && typeof options.onError !== 'function') problem(['onError'], 'onError must be a function')
  if (!isWhole(options.maxBodyBytes, 1, Number.MAX_SAFE_INTEGER)) problem(['maxBodyBytes'], 'maxBodyBytes must be a whole number of bytes, 1 or more')
  if (!isWhole(options.rememberIds, 1, Number.MAX_SAFE_INTEGER)) problem(['rememberIds'], 'rememberIds must be a whole number, 1 or more')
  if (!isWhole(options.bodyTimeoutMs, 1, MAX_DELAY_MS)) {
    problem(['bodyTimeoutMs'], `bodyTimeoutMs must be a whole number of milliseconds from 1 to ${MAX_DELAY_MS}`)
  }
  return issues
}

/** Whether an optional value, when given, is a whole number in the range. */
function isWhole(value: unknown, min: number, max: number): boolean {
  return value === undefined || (Number.isInteger(value) && (value as number) >= min && (value as number) <= max)
}
