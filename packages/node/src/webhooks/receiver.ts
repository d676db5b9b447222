import type { ServerResponse } from 'node:http'
import {
  WebhookVerificationError,
  unwrapWebhook,
  type ApprovalEvent,
  type PayloadOf,
  type PayloadSchema,
  type WebhookEvent,
  type WebhookEventType,
} from '@signoff/client'
import { BodyTooLargeError, readRawBody, type ReceivedRequest } from './raw-body.js'
import { SeenMessages } from './seen-messages.js'

/** The handler for each event type; each gets its event, typed. */
export type WebhookHandlers<P> = {
  [K in WebhookEventType]?: (event: ApprovalEvent<K, P>) => void | Promise<void>
}

/** Options of {@link createWebhookHandler}. */
export interface WebhookHandlerOptions<S extends PayloadSchema | undefined = undefined> {
  /** The signing secret (`whsec_…`), or several during a rotation. @defaultValue `PROMPTRAILS_WEBHOOK_SECRET` */
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
  /** How many message ids are remembered to drop redeliveries. @defaultValue `10000` */
  rememberIds?: number | undefined
  /** Seconds a message's timestamp may be off. @defaultValue `300` */
  toleranceSeconds?: number | undefined
}

/** A `node:http` listener that is also Express / Connect middleware. */
export type WebhookRequestHandler = (request: ReceivedRequest, response: ServerResponse, next?: (error?: unknown) => void) => void

/**
 * Creates a webhook receiver: it reads the raw body (up to a limit), verifies the signature,
 * drops redeliveries it already handled, runs your handler, and only then answers 2xx. When
 * the handler throws it answers 500, so the sender retries. Failures answer without detail.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http'
 * const handler = createWebhookHandler({
 *   secret: process.env.PROMPTRAILS_WEBHOOK_SECRET,
 *   on: { 'execution.awaiting_approval': (event) => notify(event.data.approval) },
 * })
 * createServer(handler).listen(3000) // or app.post('/webhooks', handler) in Express
 * ```
 */
export function createWebhookHandler<S extends PayloadSchema | undefined = undefined>(
  options: WebhookHandlerOptions<S>,
): WebhookRequestHandler {
  const secret = options.secret ?? process.env['PROMPTRAILS_WEBHOOK_SECRET']
  if (secret === undefined || secret.length === 0) {
    throw new TypeError('createWebhookHandler: give { secret } or set PROMPTRAILS_WEBHOOK_SECRET')
  }
  const limit = options.maxBodyBytes ?? 1024 * 1024
  const seen = new SeenMessages(options.rememberIds ?? 10_000)
  const report = (error: unknown, event?: WebhookEvent<PayloadOf<S>>) => reportSafely(options.onError, error, event)

  const receive = async (request: ReceivedRequest, response: ServerResponse): Promise<void> => {
    if (request.method !== 'POST') return answer(response, 405, 'method not allowed')
    let event: WebhookEvent<PayloadOf<S>>
    try {
      const body = await readRawBody(request, limit)
      event = await unwrapWebhook(body, request.headers, {
        secret,
        payloadSchema: options.payloadSchema,
        toleranceSeconds: options.toleranceSeconds,
      })
    } catch (error) {
      report(error)
      if (error instanceof BodyTooLargeError) return answer(response, 413, 'payload too large')
      if (error instanceof WebhookVerificationError) {
        const unauthorised = error.reason !== 'missing_header' && error.reason !== 'bad_payload'
        return answer(response, unauthorised ? 401 : 400, 'invalid webhook')
      }
      return answer(response, 500, 'webhook receiver misconfigured')
    }

    const id = String(request.headers['webhook-id'])
    try {
      await seen.once(id, async () => {
        const handle = options.on[event.type as WebhookEventType] as ((event: unknown) => unknown) | undefined
        await handle?.(event)
      })
      answer(response, 200, 'ok')
    } catch (error) {
      report(error, event)
      answer(response, 500, 'handler failed')
    }
  }

  return (request, response, next) => {
    receive(request, response).catch((error: unknown) => {
      report(error)
      if (next) next(error)
      else if (!response.headersSent) answer(response, 500, 'internal error')
    })
  }
}

/**
 * Calls `onError` so that nothing it does can stop an answer being sent or escape as an
 * unhandled rejection: it is for logging, and a logger that fails has nowhere to report to.
 */
function reportSafely<E>(onError: ((error: unknown, event?: E) => unknown) | undefined, error: unknown, event?: E): void {
  try {
    const result = onError?.(error, event)
    if (isThenable(result)) result.then(undefined, () => {})
  } catch {
    // Deliberately dropped; see above.
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function'
}

function answer(response: ServerResponse, status: number, message: string): void {
  if (response.headersSent) return
  response.writeHead(status, { 'content-type': 'application/json' })
  response.end(JSON.stringify(status < 300 ? { ok: true } : { error: message }))
}
