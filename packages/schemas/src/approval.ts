import * as z from 'zod/mini'
import { PaginationParamsShape } from './envelopes.js'
import { IdSchema, TimestampSchema, idParam, openEnum, type Known, type OpenEnum, type Without } from './primitives.js'
import { oneOf, stringOfLength } from './refinements.js'

/** Approval statuses this SDK knows. */
export const APPROVAL_STATUSES = ['pending', 'approved', 'rejected', 'expired'] as const

/** An approval status: a known one, or any string a newer server sends. */
export type ApprovalStatus = OpenEnum<(typeof APPROVAL_STATUSES)[number]>

/** Schema of an approval status (open: unknown values parse). */
export const ApprovalStatusSchema = /* @__PURE__ */ (() => openEnum(APPROVAL_STATUSES))()

/** The two decisions a reviewer can make. */
export const DECISIONS = ['approved', 'rejected'] as const

/** A reviewer's decision. */
export type Decision = (typeof DECISIONS)[number]

/** A request for a person to approve or reject an execution paused at a checkpoint. */
export const ApprovalRequestSchema = /* @__PURE__ */ (() => z.looseObject({
  id: IdSchema,
  execution_id: IdSchema,
  agent_id: IdSchema,
  workspace_id: z.optional(z.nullable(IdSchema)),
  checkpoint_name: z.string(),
  /** What the reviewer needs to decide (the input and output of the paused run); may be null. */
  payload: z.optional(z.nullable(z.unknown())),
  status: ApprovalStatusSchema,
  decided_by: z.optional(z.nullable(z.string())),
  decided_at: z.optional(z.nullable(TimestampSchema)),
  expires_at: z.optional(z.nullable(TimestampSchema)),
  reason: z.optional(z.nullable(z.string())),
  created_at: TimestampSchema,
}))()

/**
 * An approval request, as parsed: its known fields, typed precisely (a misspelt field is a
 * compile error; unknown fields still pass at run time). `TPayload` is the payload's type when
 * a checkpoint schema checked it, exactly that schema's output; otherwise the payload is
 * `unknown`.
 */
export type ApprovalRequest<TPayload = unknown> = Without<Known<z.output<typeof ApprovalRequestSchema>>, 'payload'> &
  (unknown extends TPayload ? { payload?: unknown } : { payload: TPayload })

/** Parameters of `approvals.decide`. */
export const DecideParamsSchema = /* @__PURE__ */ (() => z.object({
  approval_id: idParam('approval_id'),
  decision: oneOf(DECISIONS, 'decision must be "approved" or "rejected"'),
  reason: z.optional(
    stringOfLength({ maxLength: 10_000 }, { type: 'reason must be a string', length: 'reason must be at most 10000 characters' }),
  ),
}))()

/** Parameters of `approvals.decide`. */
export type DecideParams = z.input<typeof DecideParamsSchema>

/** Parameters of `approvals.list`. `agent_id`, `checkpoint_name` and `execution_id` filter further. */
export const ApprovalListParamsSchema = /* @__PURE__ */ (() => z.object({
  ...PaginationParamsShape,
  status: z.optional(z.string({ error: 'status must be a string such as "pending"' })),
  agent_id: z.optional(idParam('agent_id')),
  checkpoint_name: z.optional(z.string({ error: 'checkpoint_name must be a string' })),
  execution_id: z.optional(idParam('execution_id')),
}))()

/**
 * Parameters of `approvals.list`. `status` is typed as the known statuses, so a misspelt one
 * is a compile error; the schema itself accepts any string, for statuses a newer server adds.
 */
export type ApprovalListParams = Omit<z.input<typeof ApprovalListParamsSchema>, 'status'> & {
  status?: (typeof APPROVAL_STATUSES)[number] | undefined
}

/** Parameters of `approvals.get`. */
export const ApprovalIdParamsSchema = /* @__PURE__ */ (() => z.object({ approval_id: idParam('approval_id') }))()
