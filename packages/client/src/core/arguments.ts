import type { StandardSchemaV1 } from '@standard-schema/spec'
import { validateInput } from './validate-input.js'

/**
 * Reads a call's arguments in both forms, once: the documented object form
 * (`decide({ approval_id, decision }, options)`) and the official JS SDK's positional form
 * (`decide(approval_id, { decision }, options)`), then validates the parameters. Anything odd
 * in the id's place is left for the schema to reject, so the message names the id field.
 */
export function readArguments<S extends StandardSchemaV1, O extends object>(
  operation: string,
  schema: S,
  idKey: string,
  args: { first: unknown; body?: unknown; options?: O | undefined },
): { params: StandardSchemaV1.InferOutput<S>; options: O } {
  const positional = typeof args.first !== 'object' || args.first === null
  const input = positional ? { ...asObject(args.body), [idKey]: args.first } : args.first
  const options = (positional ? args.options : args.body) as O | undefined
  return { params: validateInput(operation, schema, input), options: options ?? ({} as O) }
}

/**
 * The same for calls that take only an id: `get(id, options)` or `get({ id }, options)`.
 */
export function readIdArgument<S extends StandardSchemaV1, O extends object>(
  operation: string,
  schema: S,
  idKey: string,
  first: unknown,
  options: O | undefined,
): { params: StandardSchemaV1.InferOutput<S>; options: O } {
  const input = typeof first === 'object' && first !== null ? first : { [idKey]: first }
  return { params: validateInput(operation, schema, input), options: options ?? ({} as O) }
}

function asObject(value: unknown): object {
  return typeof value === 'object' && value !== null ? value : {}
}
