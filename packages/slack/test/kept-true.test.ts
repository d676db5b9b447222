// The message stays true wherever the approval changes: decided in the CLI or a reviewer
// page (anything with the API), expired, or decided while this process had forgotten the
// message (a restart). Its buttons go once the approval is no longer pending.
import { afterEach, expect, it } from 'vitest'
import { ALICE, buttonsOf, Harness } from './harness.js'

let harness: Harness | undefined
afterEach(() => harness?.close())

it('shows a decision made elsewhere: outcome, who, when and reason, and no buttons', async () => {
  harness = await Harness.start()
  const { approval, message } = await harness.pause()
  await harness.client.approvals.decide({ approval_id: approval.id, decision: 'rejected', reason: 'Wrong <!channel> & <https://x.example|tone>' })
  await harness.settle()

  const decided = harness.approval(approval.id)
  expect(buttonsOf(message)).toEqual([])
  const shown = JSON.stringify(message.blocks)
  expect(shown).toContain(`*Rejected* by ${decided.decided_by}`)
  expect(shown).toContain(`<!date^${Math.floor(Date.parse(decided.decided_at ?? '') / 1000)}^`)
  expect(shown).toContain('*Reason:* Wrong &lt;!channel&gt; &amp; &lt;https://x.example|tone&gt;')
  expect(shown).not.toContain('<!channel>')
  // The content stays: the reviewer can still read what was decided on.
  expect(shown).toContain('Draft reply: Where is my order #1042?')
  expect(message.updates).toBe(1)
  expect(harness.errors).toEqual([])
})

it('shows an expired approval as expired, without buttons, and tells a late clicker', async () => {
  harness = await Harness.start()
  const { approval, message } = await harness.pause()
  harness.now += 121_000
  expect(harness.approval(approval.id).status).toBe('expired') // the mock expires it and fires approval.expired
  await harness.settle()
  expect(buttonsOf(message)).toEqual([])
  expect(JSON.stringify(message.blocks)).toContain(':hourglass: *Expired*')
  expect(harness.errors).toEqual([])
})

it('handles a decision whose message this process forgot (a restart): no crash, and the old buttons still end well', async () => {
  harness = await Harness.start()
  const { approval, message } = await harness.pause()
  // The process restarts: a new reviewer with an empty memory store takes the webhooks.
  const [oldEndpoint] = harness.api.mock.store.deliveries.map((delivery) => delivery.endpointId)
  harness.api.mock.store.removeWebhookEndpoint(oldEndpoint ?? '')
  const restarted = harness.reviewer()
  await harness.receiveWebhooks(restarted)
  harness.slack.interactivityUrl = (await harness.serve(restarted.interactionHandler())).url

  await harness.client.approvals.decide({ approval_id: approval.id, decision: 'approved', reason: 'Fine' })
  await harness.settle()
  const delivery = harness.api.mock.store.deliveries.find((each) => each.type === 'approval.decided')
  expect(delivery).toMatchObject({ delivered: true, attempts: [{ status: 200 }] })
  expect(harness.slack.callsTo('chat.update')).toEqual([]) // nothing known to update
  expect(buttonsOf(message)).toEqual(['signoff_approve', 'signoff_reject'])

  // Someone clicks the stale button: the click carries its message, which is made true now.
  await harness.slack.click(message, 'signoff_approve', ALICE)
  await harness.settle()
  expect(harness.decideCalls()).toBe(1)
  expect(buttonsOf(message)).toEqual([])
  expect(harness.slack.ephemerals).toEqual([
    { channel: message.channel, user: ALICE.id, text: expect.stringContaining('Already decided: :white_check_mark: *Approved*') },
  ])
  expect(harness.errors).toEqual([])
})

it('tells a clicker an expired approval can no longer be decided', async () => {
  harness = await Harness.start()
  const { approval, message } = await harness.pause()
  // Expired while the webhook could not arrive: the message still has its buttons.
  harness.api.mock.store.removeWebhookEndpoint(harness.api.mock.store.deliveries[0]?.endpointId ?? '')
  harness.now += 121_000
  await harness.slack.click(message, 'signoff_approve', ALICE)
  await harness.settle()
  expect(harness.approval(approval.id).status).toBe('expired')
  expect(harness.decideCalls()).toBe(0)
  expect(harness.slack.ephemerals.map((each) => each.text)).toEqual([
    expect.stringMatching(/^This approval can no longer be decided: :hourglass: \*Expired\*/),
  ])
  expect(buttonsOf(message)).toEqual([])
})
