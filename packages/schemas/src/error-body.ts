import * as z from 'zod/mini'
import { isPlainObject } from './primitives.js'

/**
 * The structured error body: `{"error": {"code", "message", "details"?}}`.
 */
export const StructuredErrorBodySchema = /* @__PURE__ */ (() => z.looseObject({
  error: z.looseObject({
    code: z.optional(z.string()),
    message: z.string(),
    details: z.optional(z.unknown()),
  }),
}))()

/** The short error body: `{"error": "message"}`. */
export const ShortErrorBodySchema = /* @__PURE__ */ (() => z.looseObject({ error: z.string() }))()

/** The bare error body of framework pages: `{"message": "…"}`. */
export const BareErrorBodySchema = /* @__PURE__ */ (() => z.looseObject({ message: z.string() }))()

/** Any of the three error body shapes a server may send. */
export const ErrorBodySchema = /* @__PURE__ */ (() => z.union([StructuredErrorBodySchema, ShortErrorBodySchema, BareErrorBodySchema]))()

/** An error body reduced to what every shape can say. */
export interface ApiErrorDetail {
  /** A machine-readable code, when the server sent one (for example `not_found`). */
  code?: string
  /** What went wrong, in the server's words. */
  message: string
  /** Extra structured detail, when the server sent some. */
  details?: unknown
}

/**
 * Reads any error body (structured, short, bare, or not JSON at all) into one shape.
 * Returns `undefined` when the body says nothing usable.
 */
export function readErrorBody(body: unknown): ApiErrorDetail | undefined {
  if (!isPlainObject(body)) return undefined
  const structured = StructuredErrorBodySchema.safeParse(body)
  if (structured.success) {
    const { code, message, details } = structured.data.error
    return {
      message,
      ...(code === undefined ? {} : { code }),
      ...(details === undefined ? {} : { details }),
    }
  }
  const short = ShortErrorBodySchema.safeParse(body)
  if (short.success) return { message: short.data.error }
  const bare = BareErrorBodySchema.safeParse(body)
  if (bare.success) return { message: bare.data.message }
  return undefined
}
