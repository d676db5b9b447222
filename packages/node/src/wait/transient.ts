import { isConnectionError, isInternalServerError, isRateLimitError, isResponseValidationError } from '@signoff/client'

/**
 * Whether an error is the network's or the server's passing trouble, after which a wait should
 * simply poll again: no connection, a timeout, 5xx, 429, or a body that was not JSON at all (a
 * proxy's error page, a body cut short). Anything else (a bad key, a missing approval, JSON of
 * the wrong shape) ends the wait.
 */
export function isTransient(error: unknown): boolean {
  // Brand guards, not instanceof: the user's client may be another copy than ours.
  if (isResponseValidationError(error)) return error.notJson
  return isConnectionError(error) || isInternalServerError(error) || isRateLimitError(error)
}

/** The longest pause a `Retry-After` gets honoured for, unless `maxInterval` is longer still. */
export const MAX_HONOURED_PAUSE_MS = 10 * 60_000

/**
 * How long a transient error asks us to hold off, in ms (a 429's `Retry-After`), if it says.
 * A request for longer than `maxInterval` or 10 minutes, whichever is longer, counts as that
 * much: a Unix time sent by mistake, or a server asking for a year, must not stop the wait
 * for good, and a value that is not a number of seconds is ignored.
 */
export function requestedPause(error: unknown, maxInterval: number): number | undefined {
  if (!isRateLimitError(error) || error.retryAfter === undefined) return undefined
  const seconds = error.retryAfter
  if (!Number.isFinite(seconds) || seconds <= 0) return undefined
  return Math.min(seconds * 1000, Math.max(maxInterval, MAX_HONOURED_PAUSE_MS))
}
