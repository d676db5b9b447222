import { ConnectionError, InternalServerError, RateLimitError, ResponseValidationError } from '@signoff/client'

/**
 * Whether an error is the network's or the server's passing trouble, after which a wait should
 * simply poll again: no connection, a timeout, 5xx, 429, or a body that was not JSON at all (a
 * proxy's error page, a body cut short). Anything else (a bad key, a missing approval, JSON of
 * the wrong shape) ends the wait.
 */
export function isTransient(error: unknown): boolean {
  if (error instanceof ResponseValidationError) return error.notJson
  return error instanceof ConnectionError || error instanceof InternalServerError || error instanceof RateLimitError
}

/** How long a transient error asks us to hold off, in ms (a 429's `Retry-After`), if it says. */
export function requestedPause(error: unknown): number | undefined {
  return error instanceof RateLimitError && error.retryAfter !== undefined ? error.retryAfter * 1000 : undefined
}
