/**
 * `@signoff/mock`: a stateful mock of the PromptRails approvals API, for tests, examples and
 * demos. This entry runs anywhere (MSW in Node or the browser, in-process `fetch`); the real
 * HTTP server is in `@signoff/mock/node`.
 *
 * @packageDocumentation
 */
export { DEFAULT_MOCK_BASE_URL, createMockApi } from './create-mock-api.js'
export type { MockApi, MockFaults, MockOptions } from './create-mock-api.js'
export { FAULT_KINDS } from './faults/kinds.js'
export type { FaultKind } from './faults/kinds.js'
export type { FaultCounts, FaultOptions, FaultRule } from './faults/injector.js'
export { DEFAULT_API_KEY, MockStore } from './store.js'
export type { ApprovalFilter } from './store.js'
export type { LoggedRequest } from './app.js'
export type { Quirks } from './http/dialect.js'
export { SCOPES } from './domain/records.js'
export type { Scope, WorkspaceRecord } from './domain/records.js'
export type { MockEvent, MockEventListener, MockEventType } from './domain/events.js'
export { randomId } from './ids.js'
export { DEFAULT_WEBHOOK_RETRY_SCHEDULE, DEFAULT_WEBHOOK_TIMEOUT_MS } from './webhooks/types.js'
export type { MockDelivery, MockDeliveryAttempt, MockWebhookEndpoint, MockWebhookOptions } from './webhooks/types.js'
