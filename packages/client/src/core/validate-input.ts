import type { StandardSchemaV1 } from '@standard-schema/spec'
import { InvalidRequestError } from './errors/invalid-request-error.js'

/**
 * Checks a call's arguments against its schema before anything is sent. Synchronous schemas
 * only (every input schema in `@signoff/schemas` is), so bad input fails at once.
 */
export function validateInput<S extends StandardSchemaV1>(
  method: string,
  schema: S,
  value: unknown,
): StandardSchemaV1.InferOutput<S> {
  const result = schema['~standard'].validate(value)
  if (result instanceof Promise) {
    throw new TypeError(`${method}: input schemas must be synchronous`)
  }
  if (result.issues) throw new InvalidRequestError(method, result.issues)
  return result.value
}
