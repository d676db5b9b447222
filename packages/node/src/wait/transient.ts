import { ConnectionError, InternalServerError, RateLimitError } from '@signoff/client'

/**
 * Whether an error is the network's or the server's passing trouble, after which a wait should
 * simply poll again. Anything else (a bad key, a missing approval) ends the wait.
 */
export function isTransient(error: unknown): boolean {
  return error instanceof ConnectionError || error instanceof InternalServerError || error instanceof RateLimitError
}

/** How long a transient error asks us to hold off, in ms (a 429's `Retry-After`), if it says. */
export function requestedPause(error: unknown): number | undefined {
  return error instanceof RateLimitError && error.retryAfter !== undefined ? error.retryAfter * 1000 : undefined
}
