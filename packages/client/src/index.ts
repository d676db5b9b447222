/**
 * `@signoff/client`: the isomorphic TypeScript client for PromptRails human-in-the-loop
 * approvals. Start with {@link Signoff}.
 *
 * @packageDocumentation
 */
export { Signoff } from './client.js'
export { Transport } from './core/transport.js'
export { decideApproval, getApproval, listApprovals } from './calls/approvals.js'
export { createAgentVersion, executeAgent, getAgent, listAgents } from './calls/agents.js'
export { getExecution, getPendingApproval, listExecutions } from './calls/executions.js'
export type { ClientOptions } from './core/options.js'
export { DEFAULT_BASE_URL } from './core/options.js'
export type { RequestOptions } from './core/request-options.js'
export { ApiPromise } from './core/api-promise.js'
export type { WithResponse } from './core/api-promise.js'
export { checkPayload } from './core/payload.js'
export type { PayloadOf, PayloadOptions, PayloadSchema } from './core/payload.js'
export { ListPromise } from './core/list-promise.js'
export { Agents } from './resources/agents.js'
export type { CreateVersionBody, ExecuteBody } from './resources/agents.js'
export { Approvals } from './resources/approvals.js'
export type { DecideBody } from './resources/approvals.js'
export { Executions } from './resources/executions.js'
export { Webhooks } from './webhooks/resource.js'
export type { ClientUnwrapOptions, ClientVerifyOptions } from './webhooks/resource.js'
export { unwrapWebhook, verifyWebhook } from './webhooks/verify.js'
export { createWebhookVerifier } from './webhooks/verifier.js'
export type { WebhookVerifier } from './webhooks/verifier.js'
export type { UnwrapOptions, VerifyOptions, WebhookBody } from './webhooks/verify.js'
export type { HeaderReader, WebhookHeaders } from './webhooks/headers.js'

export { SignoffError } from './core/errors/signoff-error.js'
export {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from './core/errors/api-error.js'
export type { ApiErrorInit } from './core/errors/api-error.js'
export { ConnectionError, TimeoutError } from './core/errors/connection-error.js'
export { InvalidRequestError } from './core/errors/invalid-request-error.js'
export { ResponseValidationError } from './core/errors/response-validation-error.js'
export { WebhookVerificationError } from './core/errors/webhook-verification-error.js'
export type { WebhookVerificationReason } from './core/errors/webhook-verification-error.js'
export {
  isApiError,
  isAuthenticationError,
  isBadRequestError,
  isConflictError,
  isConnectionError,
  isInternalServerError,
  isInvalidRequestError,
  isNotFoundError,
  isPermissionDeniedError,
  isRateLimitError,
  isResponseValidationError,
  isSignoffError,
  isTimeoutError,
  isUnprocessableEntityError,
  isWebhookVerificationError,
} from './core/errors/guards.js'

export type {
  Agent,
  AgentConfig,
  AgentListParams,
  AgentVersion,
  ApprovalListParams,
  ApprovalRequest,
  ApprovalStatus,
  CreateVersionParams,
  DecideParams,
  Decision,
  ExecuteParams,
  Execution,
  ExecutionListParams,
  ExecutionStatus,
  ListMeta,
  OpenEnum,
  Page,
  SchemaIssue,
  WebhookEvent,
  WebhookEventType,
  ApprovalEvent,
  ApprovalEventData,
  UnknownWebhookEvent,
} from '@signoff/schemas'
