import {
  ApprovalEventDataSchema,
  WEBHOOK_EVENT_TYPES,
  WebhookEventSchema,
  describeIssues,
  type WebhookEvent,
  type WebhookEventType,
} from '@signoff/schemas'
import { InvalidRequestError } from '../core/errors/invalid-request-error.js'
import { ResponseValidationError } from '../core/errors/response-validation-error.js'
import { typePayload, type PayloadOf, type PayloadSchema } from '../core/payload.js'
import { bodyBytes, bodyText, jsonText, type WebhookBody } from './body.js'
import { readHeader, type WebhookHeaders } from './headers.js'
import { importSecret, matchesAnySignature, reject, signedContent } from './signature.js'

export type { WebhookBody } from './body.js'

/** How a webhook message is checked. */
export interface VerifyOptions {
  /**
   * The endpoint's signing secret (`whsec_…`), or several while a secret is being rotated:
   * a message signed with any of them is accepted.
   */
  secret: string | readonly string[]
  /**
   * How far, in seconds, the message's timestamp may be from now, either way.
   * @defaultValue `300` (5 minutes)
   */
  toleranceSeconds?: number | undefined
  /** The current time in milliseconds, for tests. @defaultValue `Date.now` */
  now?: (() => number) | undefined
}

/** Options of {@link unwrapWebhook}: verification, plus a schema for the approval's payload. */
export interface UnwrapOptions<S extends PayloadSchema | undefined = undefined> extends VerifyOptions {
  /** Checks and types `data.approval.payload`; a mismatch is a `bad_payload` rejection. */
  payloadSchema?: S | undefined
}

/**
 * Verifies a webhook message: its signature (Standard Webhooks, any active secret) and its
 * timestamp (within the tolerance). The signature is checked over the body's exact bytes.
 * Resolves with the body as text (UTF-8, a byte-order mark kept) when the message is
 * authentic; otherwise rejects with a `WebhookVerificationError` whose `reason` says why.
 *
 * @example
 * ```ts
 * await verifyWebhook(rawBody, request.headers, { secret: process.env.PROMPTRAILS_WEBHOOK_SECRET })
 * ```
 */
export async function verifyWebhook(body: WebhookBody, headers: WebhookHeaders, options: VerifyOptions): Promise<string> {
  return bodyText(body, await authenticBytes(body, headers, options))
}

/** Checks a message and resolves with the body bytes its signature covers. */
async function authenticBytes(body: WebhookBody, headers: WebhookHeaders, options: VerifyOptions): Promise<Uint8Array> {
  const id = readHeader(headers, 'webhook-id')
  const timestamp = readHeader(headers, 'webhook-timestamp')
  const signature = readHeader(headers, 'webhook-signature')
  if (!id || !timestamp || !signature) {
    const missing = [!id && 'webhook-id', !timestamp && 'webhook-timestamp', !signature && 'webhook-signature']
    reject('missing_header', `missing header ${missing.filter(Boolean).join(', ')}`)
  }

  const seconds = /^\d{1,12}$/.test(timestamp) ? Number(timestamp) : Number.NaN
  if (Number.isNaN(seconds)) reject('bad_signature', 'webhook-timestamp is not a unix time in seconds')
  const tolerance = options.toleranceSeconds ?? 300
  const now = Math.floor((options.now ?? Date.now)() / 1000)
  if (seconds < now - tolerance) reject('timestamp_too_old', `the message is older than ${tolerance} seconds`)
  if (seconds > now + tolerance) reject('timestamp_in_future', `the message is more than ${tolerance} seconds in the future`)

  const secrets = typeof options.secret === 'string' ? [options.secret] : [...options.secret]
  if (secrets.length === 0) {
    throw new InvalidRequestError('verifyWebhook', [{ path: ['secret'], message: 'give at least one secret' }])
  }
  const keys = await Promise.all(secrets.map(importSecret))
  const bytes = bodyBytes(body)
  if (!(await matchesAnySignature(keys, signature, signedContent(id, timestamp, bytes)))) {
    reject('bad_signature', 'no signature matches the secret')
  }
  return bytes
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
  const text = jsonText(await authenticBytes(body, headers, options))
  let json: unknown
  try {
    json = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text)
  } catch {
    return reject('bad_payload', 'the body is not JSON')
  }
  const envelope = WebhookEventSchema.safeParse(json)
  if (!envelope.success) return reject('bad_payload', describeIssues(envelope.error.issues))
  const { type, timestamp } = envelope.data
  if (!isKnownType(type)) return { type: 'unknown', original_type: type, timestamp, data: envelope.data.data }

  const data = ApprovalEventDataSchema.safeParse(envelope.data.data)
  if (!data.success) return reject('bad_payload', describeIssues(data.error.issues.map(prefixData)))
  try {
    const approval = await typePayload('webhook', data.data.approval, options.payloadSchema, ['data', 'approval'])
    // `type` is one known type here, but TypeScript cannot pair a union-typed `type` with its
    // union member by itself; every known type carries this same data shape.
    return { type, timestamp, data: { ...data.data, approval } } as WebhookEvent<PayloadOf<S>>
  } catch (error) {
    if (error instanceof ResponseValidationError) return reject('bad_payload', describeIssues(error.issues))
    throw error
  }
}

function isKnownType(type: string): type is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(type)
}

function prefixData<I extends { path?: PropertyKey[] | undefined }>(issue: I): I {
  return { ...issue, path: ['data', ...(issue.path ?? [])] }
}
