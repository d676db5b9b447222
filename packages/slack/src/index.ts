/**
 * `@signoff/slack`: reviewers decide PromptRails approvals in Slack. Start with
 * {@link SlackReviewer}; `@signoff/slack/redis` shares its message store across processes,
 * and `@signoff/slack/testing` has a fake Slack for your own tests.
 *
 * @packageDocumentation
 */
export { SlackReviewer } from './reviewer/slack-reviewer.js'
export type { CanDecide, ChannelOption, SlackReviewerOptions } from './reviewer/options.js'
export type { SlackRequest, SlackRequestHandler } from './interactions/endpoint.js'
export { SlackVerificationError, slackSignature, verifySlackRequest } from './interactions/signature.js'
export type { SlackVerificationReason, VerifySlackRequestOptions } from './interactions/signature.js'
export { formatSlackDecision, parseSlackDecision } from './reviewer-identity.js'
export type { RecordedSlackDecision, SlackUser } from './reviewer-identity.js'
export { defaultApprovalLayout } from './message/layout.js'
export type { ApprovalMessage } from './message/layout.js'
export type { RenderApproval } from './message/compose.js'
export { escapeSlackText } from './message/escape.js'
export { SLACK_LIMITS } from './message/limits.js'
export { ACTION_IDS } from './message/actions.js'
export type { MessageRef } from './message/views.js'
export { MemoryMessageStore } from './store/message-store.js'
export type { MemoryMessageStoreOptions, MessageStore } from './store/message-store.js'
