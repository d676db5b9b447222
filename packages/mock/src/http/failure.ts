/** The error codes the mock sends in structured bodies. */
export type ErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'validation_error'
  | 'conflict'
  | 'payload_too_large'
  | 'idempotency_key_reused'
  | 'request_in_progress'

/** The statuses a request can fail with. */
export type FailureStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422

/**
 * A request the mock refuses. Routes and middleware throw it; the app's one `onError` renders
 * it in the dialect's shape. Being a class (not a shape), it can never be mistaken for a result.
 */
export class MockFailure extends Error {
  readonly status: FailureStatus
  readonly code: ErrorCode
  readonly details: unknown

  constructor(status: FailureStatus, code: ErrorCode, message: string, details?: unknown) {
    super(message)
    this.name = 'MockFailure'
    this.status = status
    this.code = code
    this.details = details
  }
}

/** The 404 for an object that does not exist in the caller's workspace (or at all). */
export function notFound(what: string): MockFailure {
  return new MockFailure(404, 'not_found', `${what} not found`)
}

/** A 400 for a request that breaks the contract. */
export function invalid(message: string, details?: unknown): MockFailure {
  return new MockFailure(400, 'validation_error', message, details)
}

/** The message the emulator sends for a second decision on one approval. */
export const ALREADY_DECIDED = 'approval has already been decided'

/** The emulator's message for any body it cannot bind to the request's fields. */
export const INVALID_BODY = 'invalid request body'

/** The record, or the 404 for it when there is none. */
export function found<T>(record: T | undefined, what: string): T {
  if (record === undefined) throw notFound(what)
  return record
}
