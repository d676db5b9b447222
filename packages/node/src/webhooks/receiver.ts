import type { ServerResponse } from 'node:http'
import { isWebhookVerificationError, type PayloadOf, type PayloadSchema, type WebhookEvent, type WebhookEventType } from '@signoff/client'
import { settingsOf, type WebhookHandlerOptions } from './options.js'
import { BodyTimeoutError, BodyTooLargeError, readRawBody, type ReceivedRequest } from './raw-body.js'
import { MemoryFullError, SeenMessages } from './seen-messages.js'

export type { WebhookHandlerOptions, WebhookHandlers } from './options.js'

/** A `node:http` listener that is also Express / Connect middleware. */
export type WebhookRequestHandler = (request: ReceivedRequest, response: ServerResponse, next?: (error?: unknown) => void) => void

/**
 * Creates a webhook receiver: it reads the raw body (up to a limit), verifies the signature,
 * drops redeliveries it already handled, runs your handler, and only then answers 2xx. When
 * the handler throws it answers 500, so the sender retries. Failures answer without detail.
 *
 * @throws InvalidRequestError at once when an option is wrong (a malformed secret, a
 * `toleranceSeconds` that is not a number…), naming each, never repeating the secret.
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
  const settings = settingsOf(options)
  const seen = new SeenMessages(settings.rememberIds, settings.now)
  const report = (error: unknown, event?: WebhookEvent<PayloadOf<S>>) => reportSafely(options.onError, error, event)

  const receive = async (request: ReceivedRequest, response: ServerResponse): Promise<void> => {
    if (request.method !== 'POST') return answer(response, 405, 'method not allowed')
    let event: WebhookEvent<PayloadOf<S>>
    try {
      const body = await readRawBody(request, { maxBytes: settings.maxBodyBytes, timeoutMs: settings.bodyTimeoutMs })
      event = await settings.verifier.unwrap(body, request.headers)
    } catch (error) {
      report(error)
      // The rest of the body is not read: close the connection rather than wait for it.
      if (error instanceof BodyTooLargeError) return answer(response, 413, 'payload too large', true)
      if (error instanceof BodyTimeoutError) return answer(response, 408, 'body timed out', true)
      if (isWebhookVerificationError(error)) {
        const unauthorised = error.reason !== 'missing_header' && error.reason !== 'bad_payload'
        return answer(response, unauthorised ? 401 : 400, 'invalid webhook')
      }
      return answer(response, 500, 'webhook receiver misconfigured')
    }

    const id = String(request.headers['webhook-id'])
    try {
      await seen.once(id, replayableUntil(request, settings.toleranceSeconds), async () => {
        const handle = options.on[event.type as WebhookEventType] as ((event: unknown) => unknown) | undefined
        await handle?.(event)
      })
      answer(response, 200, 'ok')
    } catch (error) {
      report(error, event)
      if (error instanceof MemoryFullError) {
        response.setHeader('retry-after', String(Math.ceil(error.retryAfterMs / 1000)))
        return answer(response, 503, 'try again later')
      }
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
 * Until when an exact replay of a verified message would pass the timestamp check again: the
 * verifier accepts a timestamp (whole seconds, digits only) while it is no more than the
 * tolerance behind the current second.
 */
function replayableUntil(request: ReceivedRequest, toleranceSeconds: number): number {
  return (Number(request.headers['webhook-timestamp']) + toleranceSeconds + 1) * 1000
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

function answer(response: ServerResponse, status: number, message: string, close = false): void {
  if (response.headersSent) return
  response.writeHead(status, { 'content-type': 'application/json', ...(close ? { connection: 'close' } : {}) })
  response.end(JSON.stringify(status < 300 ? { ok: true } : { error: message }))
}
