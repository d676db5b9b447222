import { brand } from './brand.js'
import { SignoffError } from './signoff-error.js'

/** Why a webhook message was not accepted. */
export type WebhookVerificationReason =
  | 'missing_header'
  | 'timestamp_too_old'
  | 'timestamp_in_future'
  | 'bad_signature'
  | 'bad_payload'

/**
 * A webhook message failed verification. `reason` says why; the message never contains the
 * secret or the expected signature.
 */
export class WebhookVerificationError extends SignoffError {
  override name = brand(this, 'WebhookVerificationError')
  /** Why the message was rejected. */
  readonly reason: WebhookVerificationReason

  constructor(reason: WebhookVerificationReason, message: string) {
    super(message)
    this.reason = reason
  }
}
