/**
 * `@signoff/node`: Node helpers for Signoff: configuration from the environment and a webhook
 * receiver for `node:http`, Express and Connect.
 *
 * @packageDocumentation
 */
export { ENVIRONMENT_VARIABLES, configFromEnv, createClientFromEnv } from './config.js'
export { createWebhookHandler } from './webhooks/receiver.js'
export type { WebhookHandlerOptions, WebhookHandlers, WebhookRequestHandler } from './webhooks/receiver.js'
export { BodyTimeoutError, BodyTooLargeError, readRawBody } from './webhooks/raw-body.js'
export type { RawBodyOptions, ReceivedRequest } from './webhooks/raw-body.js'
export { waitForDecision, isDecided } from './wait/wait-for-decision.js'
export type { WaitOptions } from './wait/wait-for-decision.js'
export type { WaitTarget } from './wait/target.js'
export { resolveApprovalId } from './wait/target.js'
export { isTransient } from './wait/transient.js'
export { NoApprovalError, WaitAbortedError, WaitTimeoutError, WatcherClosedError } from './wait/errors.js'
export { ApprovalWatcher } from './wait/watcher.js'
export { readPendingApprovals } from './wait/pending-snapshot.js'
export type { PendingSnapshot, ReadPendingApprovalsOptions } from './wait/pending-snapshot.js'
export type { WatchOptions, WatcherOptions, WatcherStats } from './wait/watcher.js'
