import type { Dialect } from './dialect.js'
import type { MockFailure } from './failure.js'

/**
 * Which error body shape to send: `dialect` (the chosen dialect's own), `short` (`{"error":
 * "…"}`, as some servers send) or `bare` (`{"message": "…"}`, as framework pages do). The last
 * two exist so clients can be tested against every shape a real server may send.
 */
export type ErrorBodyShape = 'dialect' | 'short' | 'bare'

/** The error body shapes, for option parsing. */
export const ERROR_BODY_SHAPES: readonly ErrorBodyShape[] = ['dialect', 'short', 'bare']

/** A failure as a response body. */
export function errorBody(dialect: Dialect, shape: ErrorBodyShape, failure: MockFailure): Record<string, unknown> {
  if (shape === 'short') return { error: failure.message }
  if (shape === 'bare') return { message: failure.message }
  if (dialect.emulatorErrors) {
    // The emulator answers only these two codes, and never sends details.
    const code = failure.status === 404 ? 'not_found' : failure.status === 400 ? 'bad_request' : failure.code
    return { error: { code, message: failure.message } }
  }
  const { code, message, details } = failure
  return { error: details === undefined ? { code, message } : { code, message, details } }
}
