import { brand } from './brand.js'
import { SignoffError } from './signoff-error.js'

/**
 * No response arrived: the connection was refused, reset or lost, or DNS failed. Retried
 * automatically up to `maxRetries`; thrown when retries ran out.
 */
export class ConnectionError extends SignoffError {
  override name = brand(this, 'ConnectionError')
}

/**
 * No response arrived within `timeout` (per attempt) or `totalTimeout` (for all attempts).
 */
export class TimeoutError extends ConnectionError {
  override name = brand(this, 'TimeoutError')
}
