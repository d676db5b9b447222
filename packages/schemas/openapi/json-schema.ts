// zod 4's own JSON Schema output (draft 2020-12, OpenAPI 3.1's dialect), taught the few things
// it cannot see: open status sets, second spellings, caller-supplied ids (z.custom), and the
// constraints the schemas write as refinements (formats, bounds, enums; `jsonSchemaFactsOf`).
// Responses are described from the input side: what a server may send before the schemas'
// transforms run.
import { jsonSchemaFactsOf } from '@signoff/schemas'
import * as z from 'zod/mini'
import { ALIASES, OPEN_ENUMS } from './metadata.ts'

/** A JSON Schema object, as the document holds it. */
export type JsonSchema = Record<string, unknown>

/** Where components live in the document. */
export const componentRef = (name: string) => `#/components/schemas/${name}`

/**
 * Ids the caller supplies (`idParam`, a `z.custom` check): non-empty, at most 256 characters,
 * nothing that could escape a path segment. Real ids are 27-character KSUIDs.
 */
export const CALLER_ID_SCHEMA: JsonSchema = {
  type: 'string',
  minLength: 1,
  maxLength: 256,
  pattern: '^(?!\\.\\.?$)[^/?#\\\\%\\s]+$',
  description:
    'A resource id (a 27-character KSUID on PromptRails; shorter ids appear in the docs). Never empty, and without `/`, `?`, `#`, `%`, `\\`, whitespace, `.` or `..`.',
  examples: ['2Nz3qkGXBtBLqYuwKyWqu9BFWaE'],
}

type ToJsonSchemaParams = NonNullable<Parameters<typeof z.toJSONSchema>[1]>
type Override = NonNullable<ToJsonSchemaParams['override']>

const override: Override = ({ zodSchema, jsonSchema }) => {
  const json = jsonSchema as JsonSchema
  const openEnum = OPEN_ENUMS.get(zodSchema)
  if (openEnum !== undefined) {
    delete json.type
    // A closed `enum` would reject a status a newer server sends; `anyOf` with any string keeps
    // the set open while generators still see the known values.
    json.anyOf = [{ type: 'string', enum: [...openEnum.known] }, { type: 'string' }]
    json.description = openEnum.description
  }
  const alias = ALIASES.get(zodSchema)
  if (alias !== undefined) describeAlias(json, alias.canonical, alias.alias)
  Object.assign(json, jsonSchemaFactsOf(zodSchema))
}

/** Lets either spelling come alone: neither is required, at least one is. */
function describeAlias(json: JsonSchema, canonical: string, alias: string): void {
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>
  const canonicalSchema = properties[canonical]
  // The very object, not a copy: the property's own override may run after this one (to merge
  // its refinements' facts), and both spellings must say the same.
  if (canonicalSchema !== undefined && properties[alias] === undefined) properties[alias] = canonicalSchema
  const required = Array.isArray(json.required) ? (json.required as string[]) : []
  if (required.includes(canonical)) {
    json.required = required.filter((name) => name !== canonical)
    if ((json.required as string[]).length === 0) delete json.required
    json.anyOf = [{ required: [canonical] }, { required: [alias] }]
  }
}

const unrepresentable: NonNullable<ToJsonSchemaParams['unrepresentable']> = ({ zodSchema, message }) => {
  if (zodSchema._zod.def.type === 'custom') {
    // A z.custom built by a helper of the schemas says what it accepts; the only other one is `idParam`.
    const facts: JsonSchema | undefined = jsonSchemaFactsOf(zodSchema)
    return { ...(facts ?? CALLER_ID_SCHEMA) }
  }
  throw new Error(`The OpenAPI generator cannot describe a schema: ${message}`)
}

const OPTIONS = { target: 'draft-2020-12', io: 'input', override, unrepresentable } as const

/**
 * Converts named zod schemas to JSON Schemas that refer to each other through
 * `#/components/schemas/…`. `$schema` and `$id` are dropped: the document sets the dialect,
 * and a `$id` holding a fragment is not valid in JSON Schema 2020-12.
 */
export function componentSchemas(components: ReadonlyArray<readonly [string, unknown, string]>): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string; description?: string }>()
  for (const [id, schema, description] of components) {
    registry.add(schema as z.ZodMiniType, description === '' ? { id } : { id, description })
  }
  const { schemas } = z.toJSONSchema(registry, { ...OPTIONS, metadata: registry, uri: componentRef })
  return Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, tidy(schema as JsonSchema)]))
}

/** Converts one schema in place (no references), for parameters and headers. */
export function inlineSchema(schema: z.ZodMiniType): JsonSchema {
  return tidy(z.toJSONSchema(schema, { ...OPTIONS, metadata: z.registry() }) as JsonSchema)
}

/**
 * Drops `$schema` and `$id`, and folds `anyOf: [{}, …]` (anything, or null) into `{}`: the same
 * meaning, and what generators read as "any JSON value".
 */
function tidy(value: unknown): JsonSchema {
  return simplify(value) as JsonSchema
}

function simplify(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(simplify)
  if (typeof value !== 'object' || value === null) return value
  const result: JsonSchema = {}
  for (const [key, child] of Object.entries(value)) {
    if (key === '$schema' || key === '$id') continue
    result[key] = simplify(child)
  }
  const anyOf = result.anyOf
  if (Array.isArray(anyOf) && anyOf.some((member) => isEmptySchema(member))) {
    delete result.anyOf
  }
  return result
}

function isEmptySchema(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0
}
