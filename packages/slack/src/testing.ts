/**
 * `@signoff/slack/testing`: a fake Slack for tests and demos, with no Slack workspace needed:
 * the Web API methods the reviewer calls, and people clicking and submitting, signed as Slack
 * signs them.
 *
 * @packageDocumentation
 */
export { startFakeSlack } from './testing/fake-slack.js'
export type { FakeSlack, FakeSlackOptions, FakeSlackOutage } from './testing/fake-slack.js'
export type { FakeEphemeral, FakeSlackCall, FakeSlackMessage, FakeView } from './testing/fake-workspace.js'
export type { FakeSlackUser } from './testing/fake-users.js'
export { signInteraction } from './testing/sign.js'
export type { SignedInteraction } from './testing/sign.js'
