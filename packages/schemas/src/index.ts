/**
 * Zod schemas and inferred types for the PromptRails approvals API: the one source of truth
 * shared by `@signoff/client` and `@signoff/mock`. Written with `zod/mini` so that a browser
 * bundle pays only for the schemas it uses.
 *
 * @packageDocumentation
 */
// Every schema is built inside a `/* @__PURE__ */` call: zod/mini's builders are plain calls,
// which a bundler must otherwise keep (with the zod code they reach) even when nothing uses
// their result. So an app pays only for the schemas it imports.
export {
  IdSchema,
  JsonObjectSchema,
  TimestampSchema,
  idParam,
  isPlainObject,
  isSafeId,
  openEnum,
  withAlias,
} from './primitives.js'
export type { JsonObject, Known, OpenEnum, Without } from './primitives.js'

export { jsonSchemaFactsOf } from './refinements.js'
export type { JsonSchemaFacts } from './refinements.js'

export { ListMetaSchema, PaginationParamsShape, dataEnvelope, listEnvelope } from './envelopes.js'
export type { ListMeta, Page } from './envelopes.js'

export {
  BareErrorBodySchema,
  ErrorBodySchema,
  ShortErrorBodySchema,
  StructuredErrorBodySchema,
  readErrorBody,
} from './error-body.js'
export type { ApiErrorDetail } from './error-body.js'

export {
  AgentConfigInputSchema,
  AgentIdParamsSchema,
  AgentConfigSchema,
  AgentListParamsSchema,
  AgentSchema,
  AgentVersionSchema,
  CreateVersionParamsSchema,
} from './agent.js'
export type { Agent, AgentConfig, AgentListParams, AgentVersion, CreateVersionParams } from './agent.js'

export {
  EXECUTION_STATUSES,
  ExecutionIdParamsSchema,
  ExecuteParamsSchema,
  ExecutionListParamsSchema,
  ExecutionSchema,
  ExecutionStatusSchema,
} from './execution.js'
export type { ExecuteParams, Execution, ExecutionListParams, ExecutionStatus } from './execution.js'

export {
  APPROVAL_STATUSES,
  ApprovalIdParamsSchema,
  ApprovalListParamsSchema,
  ApprovalRequestSchema,
  ApprovalStatusSchema,
  DECISIONS,
  DecideParamsSchema,
} from './approval.js'
export type {
  ApprovalListParams,
  ApprovalRequest,
  ApprovalStatus,
  DecideParams,
  Decision,
} from './approval.js'

export {
  ApprovalEventDataSchema,
  WEBHOOK_EVENT_TYPES,
  isApprovalEvent,
  WebhookEventSchema,
  WebhookExecutionSchema,
} from './webhook.js'
export type {
  ApprovalEvent,
  ApprovalEventData,
  UnknownWebhookEvent,
  WebhookEvent,
  WebhookEventType,
} from './webhook.js'

export { describeIssue, describeIssues, formatPath } from './issues.js'
export type { SchemaIssue } from './issues.js'
