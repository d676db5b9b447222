// A run pauses, its message appears in Slack, a reviewer clicks Approve: the decision is in the
// mock's state with the reviewer's Slack id, and the message shows the outcome without buttons.
import { parseSlackDecision } from '@signoff/slack'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { ALICE, buttonsOf, Harness } from './harness.js'

let harness: Harness
beforeEach(async () => {
  harness = await Harness.start()
})
afterEach(() => harness.close())

it('posts a message with the run, its times and Approve / Reject when a run pauses', async () => {
  const { approval, message } = await harness.pause({ message: 'Where is my order #1042?' })
  const [post] = harness.slack.callsTo('chat.postMessage')
  expect(post?.args['channel']).toBe('#approvals')
  expect(harness.slack.messages).toHaveLength(1)
  const text = JSON.stringify(message.blocks)
  expect(text).toContain('review_reply')
  expect(text).toContain(approval.agent_id)
  expect(text).toContain('Where is my order #1042?')
  expect(text).toContain('Draft reply: Where is my order #1042?')
  expect(text).toContain(`<!date^${Math.floor(Date.parse(approval.created_at) / 1000)}^`)
  expect(text).toContain(`<!date^${Math.floor(Date.parse(approval.expires_at ?? '') / 1000)}^`)
  expect(buttonsOf(message)).toEqual(['signoff_approve', 'signoff_reject'])
  expect(message.text).toContain('review_reply')
})

it('approves at once on a click, records the reviewer as <@U…> and removes the buttons', async () => {
  const { approval, message } = await harness.pause()
  const answer = await harness.slack.click(message, 'signoff_approve', ALICE)
  expect(answer.status).toBe(200)
  expect(await answer.text()).toBe('')
  await harness.settle()

  const decided = harness.approval(approval.id)
  expect(decided.status).toBe('approved')
  expect(decided.reason).toBe(`Approved in Slack by <@${ALICE.id}> (alice, team T0FAKETEAM)`)
  expect(parseSlackDecision(decided.reason)?.user.id).toBe(ALICE.id)
  expect(harness.api.mock.store.getExecution(approval.execution_id)?.status).toBe('completed')

  // chat.update goes to the channel id chat.postMessage answered, not the name it was given.
  const updates = harness.slack.callsTo('chat.update')
  expect(updates.length).toBeGreaterThan(0)
  for (const update of updates) expect(update).toMatchObject({ args: { channel: message.channel, ts: message.ts }, error: undefined })
  expect(buttonsOf(message)).toEqual([])
  expect(JSON.stringify(message.blocks)).toContain(`*Approved* by <@${ALICE.id}>`)
  expect(harness.slack.ephemerals).toEqual([])
  expect(harness.errors).toEqual([])
})
