import * as z from 'zod/mini'
import { ApprovalRequestSchema, type ApprovalRequest } from './approval.js'
import { ExecutionStatusSchema, type ExecutionStatus } from './execution.js'
import { IdSchema, TimestampSchema } from './primitives.js'

/**
 * Webhook event types this SDK knows. `approval.expired` is Signoff's extension: PromptRails
 * documents only the first two.
 */
export const WEBHOOK_EVENT_TYPES = [
  'execution.awaiting_approval',
  'approval.decided',
  'approval.expired',
] as const

/** A known webhook event type. */
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number]

/** The slice of an execution that approval events carry. */
export const WebhookExecutionSchema = /* @__PURE__ */ (() => z.looseObject({
  id: IdSchema,
  agent_id: IdSchema,
  status: ExecutionStatusSchema,
}))()

/** The envelope of every webhook body: `{ type, timestamp, data }`. */
export const WebhookEventSchema = /* @__PURE__ */ (() => z.looseObject({
  type: z.string(),
  timestamp: TimestampSchema,
  data: z.unknown(),
}))()

/** The data of the approval events: the approval and its execution. */
export const ApprovalEventDataSchema = /* @__PURE__ */ (() => z.looseObject({
  approval: ApprovalRequestSchema,
  execution: WebhookExecutionSchema,
}))()

/** The data of an approval event, with the approval's payload typed as `TPayload`. */
export interface ApprovalEventData<TPayload = unknown> {
  /** The approval request as it stands after the event. */
  approval: ApprovalRequest<TPayload>
  /** The execution the approval belongs to. */
  execution: { id: string; agent_id: string; status: ExecutionStatus; [key: string]: unknown }
}

/** An event about an approval: one of the known types, with typed data. */
export interface ApprovalEvent<TType extends WebhookEventType, TPayload = unknown> {
  /** Which event this is. */
  type: TType
  /** When the event happened (RFC 3339). */
  timestamp: string
  /** The approval and its execution. */
  data: ApprovalEventData<TPayload>
}

/**
 * An event of a type this SDK does not know. It still parses, as `type: 'unknown'` with the
 * type as sent in `original_type`: a distinct `type` is what lets
 * `if (event.type === 'approval.decided')` narrow to the known event and its typed data.
 */
export interface UnknownWebhookEvent {
  /** Marks an event this SDK does not know. */
  type: 'unknown'
  /** The event's type, as sent (for example `approval.escalated`). */
  original_type: string
  /** When the event happened (RFC 3339). */
  timestamp: string
  /** The event's data, unvalidated. */
  data: unknown
}

/** Any webhook event, discriminated by `type`. */
export type WebhookEvent<TPayload = unknown> =
  | ApprovalEvent<'execution.awaiting_approval', TPayload>
  | ApprovalEvent<'approval.decided', TPayload>
  | ApprovalEvent<'approval.expired', TPayload>
  | UnknownWebhookEvent

/** Whether an event is one of the approval events this SDK knows (its data is then typed). */
export function isApprovalEvent<P>(event: WebhookEvent<P>): event is Exclude<WebhookEvent<P>, UnknownWebhookEvent> {
  return event.type !== 'unknown'
}
