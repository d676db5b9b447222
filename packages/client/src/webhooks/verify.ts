import type { WebhookEvent } from '@signoff/schemas'
import type { PayloadOf, PayloadSchema } from '../core/payload.js'
import type { WebhookBody } from './body.js'
import type { WebhookHeaders } from './headers.js'
import type { UnwrapOptions, VerifyOptions } from './options.js'
import { buildVerifier } from './verifier.js'

export type { WebhookBody } from './body.js'
export type { UnwrapOptions, VerifyOptions } from './options.js'

/**
 * Verifies a webhook message: its signature (Standard Webhooks, any active secret) and its
 * timestamp (within the tolerance). The signature is checked over the body's exact bytes.
 * Resolves with the body as text (UTF-8, a byte-order mark kept) when the message is
 * authentic; otherwise rejects with a `WebhookVerificationError` whose `reason` says why.
 * Bad options reject with an `InvalidRequestError`. To check many messages with one secret,
 * `createWebhookVerifier` checks the options and imports the key once.
 *
 * @example
 * ```ts
 * await verifyWebhook(rawBody, request.headers, { secret: process.env.PROMPTRAILS_WEBHOOK_SECRET })
 * ```
 */
export async function verifyWebhook(body: WebhookBody, headers: WebhookHeaders, options: VerifyOptions): Promise<string> {
  return buildVerifier(options, 'verifyWebhook').verify(body, headers)
}

/**
 * Verifies a webhook message, then parses it into a typed event. Known event types carry the
 * approval and its execution; an unknown type still parses, with its data untyped.
 *
 * @example
 * ```ts
 * const event = await unwrapWebhook(rawBody, headers, { secret })
 * if (event.type === 'approval.decided') console.log(event.data.approval.status)
 * ```
 */
export async function unwrapWebhook<S extends PayloadSchema | undefined = undefined>(
  body: WebhookBody,
  headers: WebhookHeaders,
  options: UnwrapOptions<S>,
): Promise<WebhookEvent<PayloadOf<S>>> {
  return buildVerifier(options, 'unwrapWebhook').unwrap(body, headers)
}
