import type { JsonObject } from '@signoff/schemas'

/**
 * The mock's stand-in for the model step: a deterministic draft built from the first string in
 * the input, so tests and demos can predict what a reviewer sees.
 */
export function runModel(input: JsonObject): JsonObject {
  const firstText = Object.values(input).find((value): value is string => typeof value === 'string')
  return { text: `Draft reply: ${firstText ?? JSON.stringify(input)}` }
}
