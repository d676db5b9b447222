import { createHmac, timingSafeEqual } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'
import { SignoffError } from '@signoff/client'

/** Why a request was refused as not from Slack. */
export type SlackVerificationReason = 'missing_header' | 'stale_timestamp' | 'bad_signature'

/**
 * A request to the interactivity endpoint did not carry a valid Slack signature; it was
 * answered 401 and nothing was done. The message never holds the signing secret.
 */
export class SlackVerificationError extends SignoffError {
  override name = 'SlackVerificationError'
  /** What was wrong. */
  readonly reason: SlackVerificationReason

  constructor(reason: SlackVerificationReason, message: string) {
    super(message)
    this.reason = reason
  }
}

/** Slack's signature of a request body: `v0=` and the hex HMAC-SHA256 of `v0:{timestamp}:{body}`. */
export function slackSignature(signingSecret: string, timestamp: number | string, body: Buffer | string): string {
  const hmac = createHmac('sha256', signingSecret)
  hmac.update(`v0:${timestamp}:`)
  hmac.update(body)
  return `v0=${hmac.digest('hex')}`
}

/** Options of {@link verifySlackRequest}. */
export interface VerifySlackRequestOptions {
  /** The app's signing secret (Basic Information → App Credentials). */
  signingSecret: string
  /** Seconds the request's timestamp may be off, against replays. @defaultValue `300` */
  toleranceSeconds?: number | undefined
  /** The current time in ms. @defaultValue `Date.now()` */
  now?: number | undefined
}

const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const value = headers[name]
  return Array.isArray(value) ? value[0] : value
}

/**
 * Checks that a request came from Slack: its `X-Slack-Signature` must be the HMAC-SHA256 of
 * `v0:{X-Slack-Request-Timestamp}:{raw body}` keyed with the signing secret (compared in
 * constant time), and the timestamp must be within five minutes. Throws
 * {@link SlackVerificationError} otherwise.
 */
export function verifySlackRequest(body: Buffer, headers: IncomingHttpHeaders, options: VerifySlackRequestOptions): void {
  const timestamp = header(headers, 'x-slack-request-timestamp')
  const signature = header(headers, 'x-slack-signature')
  if (timestamp === undefined || signature === undefined) {
    throw new SlackVerificationError('missing_header', 'the request has no X-Slack-Signature or X-Slack-Request-Timestamp header')
  }
  const seconds = /^\d{1,12}$/.test(timestamp) ? Number(timestamp) : Number.NaN
  const now = (options.now ?? Date.now()) / 1000
  if (Number.isNaN(seconds) || Math.abs(now - seconds) > (options.toleranceSeconds ?? 300)) {
    throw new SlackVerificationError('stale_timestamp', 'the request timestamp is missing, malformed or more than 5 minutes off')
  }
  const expected = Buffer.from(slackSignature(options.signingSecret, timestamp, body))
  const given = Buffer.from(signature)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new SlackVerificationError('bad_signature', 'the request signature does not match the signing secret')
  }
}
