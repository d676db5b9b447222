/**
 * `@signoff/bullmq`: durable approval waits as a step of BullMQ jobs. A job parks in Redis
 * without holding a worker until a person decides; any process that receives the webhook
 * wakes it, and one cluster-wide sweep catches lost webhooks.
 *
 * @packageDocumentation
 */
export { ApprovalGate } from './gate.js'
export type { GateWaitOptions, GateWebhookHandlers } from './gate.js'
export type { ApprovalGateOptions } from './options.js'
export { STEP_DATA_KEY } from './job.js'
export type { GateJob } from './job.js'
export type { StepContext } from './internal/step.js'
export type { SweepResult } from './internal/sweep.js'
