import { brand } from './brand.js'

/**
 * The base of every error Signoff throws. Catch it to handle any failure of the SDK at once;
 * narrow with the guards ({@link isSignoffError}, {@link isConflictError}, …), which also
 * recognise errors made by another copy of this package. No Signoff error ever holds an API key
 * or a webhook secret, in its message, its fields, its stack or its `cause`.
 */
export class SignoffError extends Error {
  override name = brand(this, 'SignoffError')
}
