import type { StandardSchemaV1 } from '@standard-schema/spec'
import type { ApprovalRequest } from '@signoff/schemas'
import { ResponseValidationError } from './errors/response-validation-error.js'
import type { RequestOptions } from './request-options.js'

/** Any Standard Schema (zod, valibot, arktype…) that can check a checkpoint's payload. */
export type PayloadSchema = StandardSchemaV1<unknown, unknown>

/**
 * The payload type a schema gives: its output type, or `unknown` without a schema. Keyed on
 * the schema itself so the payload type can only come from a schema that checks it.
 */
export type PayloadOf<S> = S extends StandardSchemaV1<unknown, infer Output> ? Output : unknown

/**
 * Options of calls that return approvals: `payloadSchema` checks and types each approval's
 * payload.
 *
 * @example
 * ```ts
 * const Review = z.object({ input: z.object({ message: z.string() }), output: z.unknown() })
 * const approval = await client.approvals.get(id, { payloadSchema: Review })
 * approval.payload.input.message // string
 * ```
 */
export interface PayloadOptions<S extends PayloadSchema | undefined = undefined> extends RequestOptions {
  /**
   * Checks and types the payload; a payload that does not match is a `ResponseValidationError`.
   * The schema sees every payload, a `null` one too (a missing payload is read as `null`), so
   * the payload's type is exactly the schema's output: allow `null` in the schema
   * (`z.nullable(…)`) where a checkpoint may send none.
   */
  payloadSchema?: S | undefined
}

/**
 * Checks an approval's payload with a caller's schema and returns the approval typed by it;
 * without a schema, the approval as it is. The one payload check of the client, its webhooks
 * and the waits of `@signoff/node`.
 *
 * @param operation - named in the error, for example `approvals.get`
 * @param pathPrefix - where the approval sits in the body, for the error's field paths
 * @throws ResponseValidationError naming each payload field that does not match
 */
export async function checkPayload<S extends PayloadSchema | undefined>(
  operation: string,
  approval: ApprovalRequest,
  schema: S | undefined,
  pathPrefix: readonly PropertyKey[] = ['data'],
): Promise<ApprovalRequest<PayloadOf<S>>> {
  // Without a schema, PayloadOf<undefined> is `unknown`: exactly what was parsed.
  if (schema === undefined) return approval as ApprovalRequest<PayloadOf<S>>
  const result = await schema['~standard'].validate(approval.payload ?? null)
  if (result.issues) {
    const issues = result.issues.map((issue) => ({
      message: issue.message,
      path: [...pathPrefix, 'payload', ...(issue.path ?? [])],
    }))
    throw new ResponseValidationError(operation, 200, issues)
  }
  return { ...approval, payload: result.value as PayloadOf<S> }
}

/** The former name of {@link checkPayload}. */
export const typePayload = checkPayload
