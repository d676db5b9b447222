import * as z from 'zod/mini'
import { PaginationParamsShape } from './envelopes.js'
import {
  IdSchema,
  TimestampSchema,
  idParam,
  withAlias,
  openEnum,
  type Known,
  type OpenEnum,
} from './primitives.js'

/** Execution statuses this SDK knows; `waiting_approval` and `cancel_requested` come from the newer API. */
export const EXECUTION_STATUSES = [
  'pending',
  'running',
  'completed',
  'failed',
  'cancelled',
  'awaiting_approval',
  'rejected',
  'waiting_approval',
  'cancel_requested',
] as const

/** An execution status: a known one, or any string a newer server sends. */
export type ExecutionStatus = OpenEnum<(typeof EXECUTION_STATUSES)[number]>

/** Schema of an execution status (open: unknown values parse). */
export const ExecutionStatusSchema = /* @__PURE__ */ (() => openEnum(EXECUTION_STATUSES))()

/**
 * One run of an agent. The official SDKs read the execute response's id as `execution_id`
 * while the emulator sends `id`: either parses, and the parsed execution always has `id`.
 */
export const ExecutionSchema = /* @__PURE__ */ (() => withAlias(
  'execution_id',
  'id',
  z.looseObject({
    id: IdSchema,
    agent_id: IdSchema,
    agent_version_id: z.optional(z.nullable(IdSchema)),
    workspace_id: z.optional(z.nullable(IdSchema)),
    session_id: z.optional(z.nullable(z.string())),
    status: ExecutionStatusSchema,
    input: z.optional(z.nullable(z.unknown())),
    output: z.optional(z.nullable(z.unknown())),
    error: z.optional(z.nullable(z.unknown())),
    token_usage: z.optional(z.nullable(z.unknown())),
    cost: z.optional(z.nullable(z.number())),
    duration_ms: z.optional(z.nullable(z.number())),
    trace_id: z.optional(z.nullable(z.string())),
    started_at: z.optional(z.nullable(TimestampSchema)),
    completed_at: z.optional(z.nullable(TimestampSchema)),
    created_at: z.optional(TimestampSchema),
  }),
))()

/** One run of an agent, as parsed: its known fields (unknown fields pass at run time). */
export type Execution = Known<z.output<typeof ExecutionSchema>>

/** Parameters of `agents.execute`. */
export const ExecuteParamsSchema = /* @__PURE__ */ (() => z.object({
  agent_id: idParam('agent_id'),
  input: z.record(z.string(), z.unknown(), {
    error: 'input must be a JSON object, for example { message: "Hello" }',
  }),
  session_id: z.optional(z.string({ error: 'session_id must be a string' })),
  version_id: z.optional(idParam('version_id')),
  sync: z.optional(z.boolean({ error: 'sync must be true or false' })),
}))()

/** Parameters of `agents.execute`. */
export type ExecuteParams = z.input<typeof ExecuteParamsSchema>

/** Parameters of `executions.list`. */
export const ExecutionListParamsSchema = /* @__PURE__ */ (() => z.object({
  ...PaginationParamsShape,
  agent_id: z.optional(idParam('agent_id')),
  session_id: z.optional(z.string({ error: 'session_id must be a string' })),
  status: z.optional(z.string({ error: 'status must be a string such as "awaiting_approval"' })),
}))()

/**
 * Parameters of `executions.list`. `status` is typed as the known statuses (a misspelt one is a
 * compile error); the schema accepts any string.
 */
export type ExecutionListParams = Omit<z.input<typeof ExecutionListParamsSchema>, 'status'> & {
  status?: (typeof EXECUTION_STATUSES)[number] | undefined
}

/** Parameters of `executions.get` and `executions.pending_approval`. */
export const ExecutionIdParamsSchema = /* @__PURE__ */ (() => z.object({ execution_id: idParam('execution_id') }))()
