import * as z from 'zod/mini'

// Why the constraints of these schemas are refinements: each kind of zod check (minLength,
// maxLength, int, gte, lte, enum, the ISO formats) is a class of its own, and every class a
// schema uses lands in every browser bundle that imports it. `z.refine` and `z.custom` are one
// class, which the caller-supplied ids need anyway; written with it alone, the approval schemas
// cost an app 1.3 KB less gzipped (8.4 KB to 7.1 KB, bench:bundle).
//
// z.toJSONSchema cannot see inside a refinement, so each helper also records what the JSON
// Schema says, from the same parameters the check is built from: the rule is written once.

/** What a schema's JSON Schema says that `z.toJSONSchema` cannot read from a refinement. */
export type JsonSchemaFacts = {
  /** Set when it differs from what zod writes for the base schema (`integer` for a number, `string` for a `z.custom`). */
  readonly type?: 'integer' | 'string'
  /** `date-time` for RFC 3339 timestamps. */
  readonly format?: 'date-time'
  /** The smallest number allowed. */
  readonly minimum?: number
  /** The largest number allowed. */
  readonly maximum?: number
  /** The fewest characters (Unicode code points) allowed. */
  readonly minLength?: number
  /** The most characters (Unicode code points) allowed. */
  readonly maxLength?: number
  /** The only values allowed. */
  readonly enum?: readonly string[]
}

// A WeakMap rather than a zod registry: the same lookup, 0.2 KB less gzipped in every bundle.
const FACTS = /* @__PURE__ */ new WeakMap<object, JsonSchemaFacts>()

function recorded<T extends z.ZodMiniType>(schema: T, facts: JsonSchemaFacts): T {
  FACTS.set(schema, facts)
  return schema
}

/**
 * What a schema of this package says about itself that `z.toJSONSchema` cannot see, because
 * the check is a refinement: `undefined` for schemas without such checks. A JSON Schema
 * converter merges it into what it writes for the schema (the OpenAPI generator does, in its
 * `override` and `unrepresentable` callbacks).
 *
 * @example
 * ```ts
 * z.toJSONSchema(ApprovalRequestSchema, {
 *   override: ({ zodSchema, jsonSchema }) => Object.assign(jsonSchema, jsonSchemaFactsOf(zodSchema)),
 * })
 * ```
 */
export function jsonSchemaFactsOf(schema: object): JsonSchemaFacts | undefined {
  return FACTS.get(schema)
}

/**
 * A number that must be an integer from `minimum` to `maximum`. One message for every failure,
 * or `aboveMessage` for a number above `maximum`.
 */
export function intInRange(minimum: number, maximum: number, message: string, aboveMessage = message): z.ZodMiniNumber<number> {
  return recorded(
    z.number().check(
      z.refine((value: number) => Number.isInteger(value) && value >= minimum && value <= maximum, {
        error: (issue) => (Number(issue.input) > maximum ? aboveMessage : message),
      }),
    ),
    { type: 'integer', minimum, maximum },
  )
}

/** One of `values`, typed as their union; anything else fails with `message`. */
export function oneOf<const T extends string>(values: readonly T[], message: string): z.ZodMiniCustom<T, T> {
  const allowed: readonly unknown[] = values
  return recorded(z.custom<T>((value) => allowed.includes(value), { error: message }), { type: 'string', enum: values })
}

/** Bounds on a string's length. */
export interface LengthBounds {
  /** The fewest characters allowed. */
  readonly minLength?: number
  /** The most characters allowed. */
  readonly maxLength?: number
}

/** Whether a string has `minimum` to `maximum` code points, as zod's `minLength` and `maxLength` count. */
function codePointsWithin(value: string, minimum: number, maximum: number): boolean {
  // A code point is one or two UTF-16 units, so only lengths near a bound need counting.
  if (value.length >= minimum * 2 && value.length <= maximum) return true
  const length = [...value].length
  return length >= minimum && length <= maximum
}

/**
 * A string whose length, counted in Unicode code points (as zod counts it), is within `bounds`.
 * `messages.type` is the error for a value that is not a string, `messages.length` for a string
 * out of bounds; without them, zod's generic message.
 */
export function stringOfLength(bounds: LengthBounds, messages: { type?: string; length?: string } = {}): z.ZodMiniString<string> {
  const { minLength = 0, maxLength = Number.POSITIVE_INFINITY } = bounds
  return recorded(
    z.string(messages.type).check(
      z.refine((value: string) => codePointsWithin(value, minLength, maxLength), messages.length),
    ),
    bounds,
  )
}

/**
 * An RFC 3339 date-time, exactly as zod's `z.iso.datetime({ offset: true })` accepts it (a test
 * compares the two): a real calendar date (29 February in leap years only), `T`, hours, minutes
 * and seconds (no leap second), any number of fractional digits, then `Z` or an offset `±hh:mm`.
 */
const RFC_3339_DATE_TIME =
  /^(?:\d{4}-(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)|(?:\d\d(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)T(?:[01]\d|2[0-3])(?::[0-5]\d){2}(?:\.\d+)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/

/** A string holding an RFC 3339 date-time; anything else fails with `message`. */
export function dateTimeString(message: string): z.ZodMiniString<string> {
  return recorded(
    z.string().check(z.refine((value: string) => RFC_3339_DATE_TIME.test(value), message)),
    { format: 'date-time' },
  )
}
