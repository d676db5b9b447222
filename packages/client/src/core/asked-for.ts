import { ResponseValidationError } from './errors/response-validation-error.js'

/**
 * Checks that a response is about the object the call named: a server that replays another
 * request's result (an `Idempotency-Key` reused across resources, a proxy's cache) must not
 * pass for success.
 */
export function expectAskedFor<T>(operation: string, field: string, asked: string, answered: T, got: unknown): T {
  if (got === asked) return answered
  const message = `expected ${JSON.stringify(asked)}, the ${field} asked for, but the server answered about ${JSON.stringify(got)} (an Idempotency-Key reused for another call?)`
  throw new ResponseValidationError(operation, 200, [{ path: ['data', field], message }])
}
