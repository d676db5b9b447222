import type { WebhookEvent } from '@signoff/schemas'
import { InvalidRequestError } from '../core/errors/invalid-request-error.js'
import type { PayloadOf, PayloadSchema } from '../core/payload.js'
import { bodyBytes, bodyText, jsonText, type WebhookBody } from './body.js'
import { parseEvent } from './event.js'
import { readHeader, type WebhookHeaders } from './headers.js'
import { DEFAULT_TOLERANCE_SECONDS, optionIssues, type UnwrapOptions } from './options.js'
import { decodeSecrets } from './secret.js'
import { importKeys, matchesAnySignature, reject, signedContent } from './signature.js'

/** A verifier made once from its options: the secrets are checked and imported once, not per message. */
export interface WebhookVerifier<S extends PayloadSchema | undefined = undefined> {
  /**
   * Checks a message's signature (over the body's exact bytes) and timestamp; resolves with
   * the body as text (UTF-8, a byte-order mark kept), or rejects with a
   * `WebhookVerificationError` whose `reason` says why.
   */
  verify(body: WebhookBody, headers: WebhookHeaders): Promise<string>
  /** Verifies a message, then parses it into a typed event (a body that is not UTF-8 JSON is `bad_payload`). */
  unwrap(body: WebhookBody, headers: WebhookHeaders): Promise<WebhookEvent<PayloadOf<S>>>
}

// The header's exact spelling of a unix time: digits, no sign, no spaces, no leading zeros.
// 15 digits is far beyond any time within a tolerance of now, and keeps the number exact.
const CANONICAL_SECONDS = /^(?:0|[1-9]\d{0,14})$/

/**
 * Creates a verifier for one endpoint's secret(s). Every option is checked here: a malformed
 * secret (or one bad entry of a rotation list) or a `toleranceSeconds` that is not a number
 * throws an `InvalidRequestError` naming the option, never its value, before any message
 * arrives.
 *
 * @example
 * ```ts
 * const verifier = createWebhookVerifier({ secret: env.PROMPTRAILS_WEBHOOK_SECRET })
 * const event = await verifier.unwrap(await request.arrayBuffer(), request.headers)
 * ```
 */
export function createWebhookVerifier<S extends PayloadSchema | undefined = undefined>(options: UnwrapOptions<S>): WebhookVerifier<S> {
  return buildVerifier(options, 'createWebhookVerifier')
}

/** {@link createWebhookVerifier}, naming `method` in its errors. */
export function buildVerifier<S extends PayloadSchema | undefined>(options: UnwrapOptions<S>, method: string): WebhookVerifier<S> {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidRequestError(method, [{ path: [], message: 'pass an options object with the secret: { secret }' }])
  }
  const secrets = decodeSecrets(options.secret, 'secret')
  const issues = [...secrets.issues, ...optionIssues(options)]
  if (secrets.keys === undefined || issues.length > 0) throw new InvalidRequestError(method, issues)
  const keyBytes = secrets.keys
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS
  const clock = options.now ?? Date.now
  let keys: Promise<CryptoKey[]> | undefined

  const authenticBytes = async (body: WebhookBody, headers: WebhookHeaders): Promise<Uint8Array> => {
    const id = readHeader(headers, 'webhook-id')
    const timestamp = readHeader(headers, 'webhook-timestamp')
    const signature = readHeader(headers, 'webhook-signature')
    if (!id || !timestamp || !signature) {
      const missing = [!id && 'webhook-id', !timestamp && 'webhook-timestamp', !signature && 'webhook-signature']
      return reject('missing_header', `missing header ${missing.filter(Boolean).join(', ')}`)
    }
    if (!CANONICAL_SECONDS.test(timestamp)) {
      reject('bad_signature', 'webhook-timestamp must be a unix time in seconds, in digits only (no sign, spaces or leading zeros)')
    }
    const seconds = Number(timestamp)
    const now = Math.floor(clock() / 1000)
    if (seconds < now - tolerance) reject('timestamp_too_old', `the message is older than ${tolerance} seconds`)
    if (seconds > now + tolerance) reject('timestamp_in_future', `the message is more than ${tolerance} seconds in the future`)

    const bytes = bodyBytes(body)
    keys ??= importKeys(keyBytes)
    if (!(await matchesAnySignature(await keys, signature, signedContent(id, timestamp, bytes)))) {
      reject('bad_signature', 'no signature matches the secret')
    }
    return bytes
  }

  return {
    verify: async (body, headers) => bodyText(body, await authenticBytes(body, headers)),
    unwrap: async (body, headers) => parseEvent(jsonText(await authenticBytes(body, headers)), options.payloadSchema),
  }
}
