import { describeIssues } from '@signoff/schemas'
import { bodyLimit } from 'hono/body-limit'
import type { MiddlewareHandler } from 'hono'
import { validator } from 'hono/validator'
import type * as z from 'zod/mini'
import type { Dialect } from './dialect.js'
import type { MockEnv } from './env.js'
import { INVALID_BODY, MockFailure, invalid } from './failure.js'

/** The largest request body the mock reads by default: 1 MiB, far above any real request. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024

/** Refuses a body past `maxBytes` with 413, reading no more of it than that. */
export function limitBody(maxBytes: number) {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new MockFailure(413, 'payload_too_large', `the request body is larger than ${maxBytes} bytes`)
    },
  })
}

/** How a route's body is checked, per dialect. */
export interface BodyRules<Schema extends z.ZodMiniType> {
  schema: Schema
  /** The emulator's own rules where they differ: a laxer schema, and its one message for a bad body. */
  emulator?: { schema?: z.ZodMiniType<z.output<Schema>>; message?: (body: unknown) => string }
}

/**
 * Parses the JSON body and validates it with a schema from `@signoff/schemas` (or one built
 * on them); the route reads the result as `c.req.valid('json')`. A body that is not a JSON
 * object, or breaks the schema, is a 400 saying what was wrong.
 */
export function jsonBody<Schema extends z.ZodMiniType>(dialect: Dialect, rules: BodyRules<Schema>) {
  const schema = dialect.emulatorErrors ? (rules.emulator?.schema ?? rules.schema) : rules.schema
  const check = validator('json', (value: unknown) => {
    const parsed = schema.safeParse(value)
    if (parsed.success) return parsed.data as z.output<Schema>
    if (dialect.emulatorErrors) throw invalid(rules.emulator?.message?.(value) ?? INVALID_BODY)
    throw invalid(describeIssues(parsed.error.issues))
  })
  // Hono infers the validated type from the callback; this names it for the routes.
  return check as unknown as MiddlewareHandler<MockEnv, string, { in: { json: z.input<Schema> }; out: { json: z.output<Schema> } }>
}
