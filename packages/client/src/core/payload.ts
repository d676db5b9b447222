import type { StandardSchemaV1 } from '@standard-schema/spec'
import type { ApprovalRequest } from '@signoff/schemas'
import { ResponseValidationError } from './errors/response-validation-error.js'
import type { RequestOptions } from './arguments.js'

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
 * approval.payload?.input.message // string
 * ```
 */
export interface PayloadOptions<S extends PayloadSchema | undefined = undefined> extends RequestOptions {
  /** Checks and types the payload; a payload that does not match is a `ResponseValidationError`. */
  payloadSchema?: S | undefined
}

/**
 * Validates an approval's payload with the caller's schema. A null payload stays null: the
 * contract allows it whatever the checkpoint.
 */
export async function typePayload<S extends PayloadSchema | undefined>(
  operation: string,
  approval: ApprovalRequest,
  schema: S | undefined,
  pathPrefix: readonly PropertyKey[] = ['data'],
): Promise<ApprovalRequest<PayloadOf<S>>> {
  if (schema === undefined || approval.payload === null || approval.payload === undefined) {
    // No schema: PayloadOf<undefined> is `unknown`, which is exactly what was parsed. A null
    // or missing payload is allowed by ApprovalRequest<T> for every T.
    return approval as ApprovalRequest<PayloadOf<S>>
  }
  const result = await schema['~standard'].validate(approval.payload)
  if (result.issues) {
    const issues = result.issues.map((issue) => ({
      message: issue.message,
      path: [...pathPrefix, 'payload', ...(issue.path ?? [])],
    }))
    throw new ResponseValidationError(operation, 200, issues)
  }
  return { ...approval, payload: result.value as PayloadOf<S> }
}
