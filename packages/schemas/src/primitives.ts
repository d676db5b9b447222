import * as z from 'zod/mini'
import { dateTimeString, stringOfLength } from './refinements.js'

/**
 * A status set the API may grow: the known values autocomplete, any other string still parses.
 * Written as `Known | (string & {})` so editors keep the literal suggestions.
 */
export type OpenEnum<Known extends string> = Known | (string & {})

/**
 * Builds a schema for an open status set: any string is accepted and typed as
 * {@link OpenEnum}, so a status a newer server introduces never breaks parsing.
 */
export function openEnum<const Known extends string>(
  _known: readonly Known[],
): z.ZodMiniType<OpenEnum<Known>, string> {
  // The known values only shape the type; the wire value passes through untouched.
  return z.pipe(z.string(), z.transform((value): OpenEnum<Known> => value))
}

/**
 * Characters that could change the meaning of a URL path when an id is placed in it.
 * KSUIDs never contain them; shorter ids from the docs' examples do not either.
 */
const UNSAFE_ID = /[/?#\\%\s]|^\.{1,2}$/u

/**
 * Whether a value can be used as a resource id: a non-empty string that cannot escape its
 * path segment. Real ids are 27-character KSUIDs, but shorter ids are accepted too.
 */
export function isSafeId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 256 && !UNSAFE_ID.test(value)
}

/** Schema of a resource id as it appears in responses (any non-empty string). */
export const IdSchema = /* @__PURE__ */ (() => stringOfLength({ minLength: 1 }))()

/**
 * Schema of an id the caller supplies: rejected when empty or when it could escape the
 * path segment it is placed in (`/`, `?`, `#`, `%`, `\`, whitespace, `.` or `..`).
 */
export function idParam(field: string): z.ZodMiniType<string, string> {
  return z.custom<string>(isSafeId, {
    error: `${field} must be a non-empty id without "/", "?", "#", "%", "\\", whitespace or dot segments (for example "2Nz3qkGXBtBLqYuwKyWqu9BFWaE")`,
  })
}

/**
 * An RFC 3339 timestamp string (any sub-second precision, `Z` or an offset), as
 * `z.iso.datetime({ offset: true })` accepts it. Anything else is reported as having the wrong
 * format, as zod words it.
 */
export const TimestampSchema = /* @__PURE__ */ (() => dateTimeString('has the wrong format'))()

/** Any JSON object: keys of any name, values of any JSON type. */
export const JsonObjectSchema = /* @__PURE__ */ (() => z.record(z.string(), z.unknown()))()

/**
 * An object type with its known fields only: the index signature a loose object adds for
 * unknown fields is dropped, so a misspelt field name is a compile error rather than
 * `unknown`. Unknown fields still pass at run time; reach them with a cast.
 */
export type Known<T> = {
  [K in keyof T as string extends K ? never : number extends K ? never : symbol extends K ? never : K]: T[K]
}

/**
 * `T` without the fields named `K`. Unlike `Omit`, it keeps each remaining field's own type
 * (`Omit` on a loose object's type would fold them into its index signature).
 */
export type Without<T, K extends PropertyKey> = { [P in keyof T as P extends K ? never : P]: T[P] }

/** A JSON object as TypeScript sees it. */
export type JsonObject = z.output<typeof JsonObjectSchema>

/** Returns whether a value is a plain object (not null, not an array). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Accepts a second spelling of a field: when `canonical` is missing and `alias` is present, the
 * value is copied to `canonical` before `schema` validates (the alias stays, as sent).
 */
export function withAlias<T extends z.ZodMiniType>(alias: string, canonical: string, schema: T) {
  return z.pipe(
    z.transform((input: unknown) =>
      isPlainObject(input) && input[canonical] === undefined && input[alias] !== undefined
        ? { ...input, [canonical]: input[alias] }
        : input,
    ),
    schema,
  )
}
