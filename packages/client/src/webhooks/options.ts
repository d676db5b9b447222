import type { SchemaIssue } from '@signoff/schemas'
import type { PayloadSchema } from '../core/payload.js'

/** How a webhook message is checked. */
export interface VerifyOptions {
  /**
   * The endpoint's signing secret (`whsec_…`), or several while a secret is being rotated:
   * a message signed with any of them is accepted. Each must be `whsec_` followed by
   * canonical base64; a malformed one is refused with an `InvalidRequestError` that never
   * repeats it.
   */
  secret: string | readonly string[]
  /**
   * How far, in seconds, the message's timestamp may be from now, either way: from 0 to
   * 86400 (a day).
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

/** The tolerance when none is given: the Standard Webhooks reference's 5 minutes. */
export const DEFAULT_TOLERANCE_SECONDS = 300

// Beyond a day the timestamp no longer guards against replays in any useful way, and a
// receiver would have to remember every id for that long.
const MAX_TOLERANCE_SECONDS = 86_400

/**
 * What is wrong with the options other than the secret (checked by `decodeSecrets`). A bad
 * value is refused rather than read leniently: `toleranceSeconds: NaN` or `"300"` would turn
 * the timestamp check off without a word.
 */
export function optionIssues(options: Partial<UnwrapOptions<PayloadSchema | undefined>>): SchemaIssue[] {
  const issues: SchemaIssue[] = []
  const { toleranceSeconds, now, payloadSchema } = options
  if (toleranceSeconds !== undefined && !(typeof toleranceSeconds === 'number' && toleranceSeconds >= 0 && toleranceSeconds <= MAX_TOLERANCE_SECONDS)) {
    issues.push({ path: ['toleranceSeconds'], message: `toleranceSeconds must be a number of seconds from 0 to ${MAX_TOLERANCE_SECONDS} (a day; default 300)` })
  }
  if (now !== undefined && typeof now !== 'function') {
    issues.push({ path: ['now'], message: 'now must be a function returning the time in milliseconds' })
  }
  if (payloadSchema !== undefined && typeof (payloadSchema as Partial<PayloadSchema> | null)?.['~standard']?.validate !== 'function') {
    issues.push({ path: ['payloadSchema'], message: 'payloadSchema must be a Standard Schema (zod, valibot, arktype…)' })
  }
  return issues
}
