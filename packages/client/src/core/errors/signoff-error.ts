/**
 * The base of every error Signoff throws. Catch it to handle any failure of the SDK at once;
 * narrow with `instanceof` on the subclasses. No Signoff error ever holds an API key or a
 * webhook secret, in its message, its fields or its stack.
 */
export class SignoffError extends Error {
  override name = 'SignoffError'
}
