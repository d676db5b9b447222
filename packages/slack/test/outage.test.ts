// A Slack outage must not hold a webhook delivery open: the reviewer's Slack calls have a short
// timeout and few retries, the delivery fails fast (500, not the sender's timeout), and the
// sender's own retry posts the message once Slack is back: once, not twice.
import { afterEach, expect, it } from 'vitest'
import { ALICE, buttonsOf, Harness } from './harness.js'

let harness: Harness | undefined
afterEach(() => harness?.close())

const outcomes = (harness: Harness, type: string) =>
  harness.api.mock.store.deliveries
    .filter((delivery) => delivery.type === type)
    .flatMap((delivery) => delivery.attempts.map((attempt) => ('status' in attempt ? attempt.status : attempt.error)))

async function retryDueDeliveries(harness: Harness) {
  const due = harness.api.mock.store.deliveries.flatMap((delivery) => (delivery.nextAttemptAt ? [Date.parse(delivery.nextAttemptAt)] : []))
  harness.now = Math.max(harness.now, ...due)
  await harness.api.mock.deliverDue()
  await harness.settle()
}

const DESCRIBED = { hang: 'not answering', down: 'answering 503', rate_limited: 'asking to wait a minute (429)' } as const

for (const mode of ['hang', 'down', 'rate_limited'] as const) {
  it(`fails the delivery fast while Slack is ${DESCRIBED[mode]}, then posts once`, async () => {
    harness = await Harness.start({ slackTimeout: 300, slackRetries: 1 })
    harness.slack.outage(mode)
    const execution = harness.api.mock.store.execute(harness.agentId, { message: 'Where is my order?' })
    await harness.settle()
    // The receiver answered 500 well inside the sender's 10 s timeout.
    expect(outcomes(harness, 'execution.awaiting_approval')).toEqual([500])
    expect(harness.slack.messages).toHaveLength(0)

    harness.slack.outage(undefined)
    await retryDueDeliveries(harness)
    expect(outcomes(harness, 'execution.awaiting_approval')).toEqual([500, 200])
    expect(harness.slack.messages).toHaveLength(1)
    const [approval] = harness.api.mock.store.listApprovals({ execution_id: execution.id })
    expect(harness.messageOf(approval?.id ?? '')).toBe(harness.slack.messages[0])
  })
}

it('records a click even when Slack cannot be updated, and the retried webhook makes the message true later', async () => {
  harness = await Harness.start({ slackTimeout: 300, slackRetries: 0 })
  const { approval, message } = await harness.pause()
  const answer = harness.slack.click(message, 'signoff_approve', ALICE)
  expect((await answer).status).toBe(200)
  harness.slack.outage('down')
  await harness.settle()
  expect(harness.approval(approval.id).status).toBe('approved')
  expect(outcomes(harness, 'approval.decided')).toEqual([500])
  expect(buttonsOf(message)).toEqual(['signoff_approve', 'signoff_reject'])

  harness.slack.outage(undefined)
  await retryDueDeliveries(harness)
  expect(outcomes(harness, 'approval.decided')).toEqual([500, 200])
  expect(buttonsOf(message)).toEqual([])
  expect(JSON.stringify(message.blocks)).toContain(`*Approved* by <@${ALICE.id}>`)
})
