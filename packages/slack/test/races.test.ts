// A double click, or two reviewers at once, decide once. In one process the clicks share one
// decide call; across processes the API's conflict makes the later ones harmless. Whoever lost
// is told who won, visible to them only.
import { afterEach, expect, it } from 'vitest'
import { ALICE, BOB, buttonsOf, Harness } from './harness.js'

let harness: Harness | undefined
afterEach(() => harness?.close())

it('makes one decide call for a double click, and tells the clicker nothing more', async () => {
  harness = await Harness.start()
  const { approval, message } = await harness.pause()
  const answers = await Promise.all([
    harness.slack.click(message, 'signoff_approve', ALICE),
    harness.slack.click(message, 'signoff_approve', ALICE),
  ])
  expect(answers.map((answer) => answer.status)).toEqual([200, 200])
  await harness.settle()
  expect(harness.decideCalls()).toBe(1)
  expect(harness.approval(approval.id)).toMatchObject({ status: 'approved', reason: expect.stringContaining(`<@${ALICE.id}>`) })
  expect(harness.slack.ephemerals).toEqual([])
  expect(buttonsOf(message)).toEqual([])
})

it('decides once when two reviewers click at once in one process; the other is told who won', async () => {
  harness = await Harness.start()
  const { approval, message } = await harness.pause()
  await Promise.all([
    harness.slack.click(message, 'signoff_approve', ALICE),
    harness.slack.click(message, 'signoff_approve', BOB),
  ])
  await harness.settle()
  expect(harness.decideCalls()).toBe(1)
  const decided = harness.approval(approval.id)
  const winner = decided.reason?.includes(ALICE.id) ? ALICE : BOB
  const loser = winner === ALICE ? BOB : ALICE
  expect(harness.slack.ephemerals).toEqual([
    { channel: message.channel, user: loser.id, text: expect.stringContaining(`Already decided: :white_check_mark: *Approved* by <@${winner.id}>`) },
  ])
})

it('decides once across two processes; the API conflict tells the later clicker who won', async () => {
  harness = await Harness.start()
  // A second process with its own memory, behind the same interactivity URL (a load balancer
  // sending requests to each in turn).
  const first = harness.reviewers[0]?.interactionHandler()
  const second = harness.reviewer().interactionHandler()
  let turn = 0
  const balancer = await harness.serve((request, response) => (turn++ % 2 === 0 ? first : second)?.(request, response))
  harness.slack.interactivityUrl = balancer.url

  const { approval, message } = await harness.pause()
  await Promise.all([
    harness.slack.click(message, 'signoff_approve', ALICE),
    harness.slack.click(message, 'signoff_reject', BOB),
  ])
  await harness.settle()
  // Bob's click opened the reason modal; he submits after Alice's approval landed.
  const [view] = harness.slack.views
  if (view === undefined) throw new Error('no modal was opened')
  await harness.slack.submit(view, { signoff_reason: { signoff_reason_text: 'Too curt' } }, BOB)
  await harness.settle()

  expect(harness.approval(approval.id)).toMatchObject({ status: 'approved', reason: expect.stringContaining(`<@${ALICE.id}>`) })
  expect(harness.slack.ephemerals).toEqual([
    { channel: message.channel, user: BOB.id, text: expect.stringContaining(`*Approved* by <@${ALICE.id}>`) },
  ])
  expect(JSON.stringify(message.blocks)).toContain(`*Approved* by <@${ALICE.id}>`)
  expect(harness.errors).toEqual([])
})

it('two processes clicking Approve at the same moment: one decision, the loser told', async () => {
  harness = await Harness.start()
  const first = harness.reviewers[0]?.interactionHandler()
  const second = harness.reviewer().interactionHandler()
  let turn = 0
  const balancer = await harness.serve((request, response) => (turn++ % 2 === 0 ? first : second)?.(request, response))
  harness.slack.interactivityUrl = balancer.url

  const { approval, message } = await harness.pause()
  await Promise.all([
    harness.slack.click(message, 'signoff_approve', ALICE),
    harness.slack.click(message, 'signoff_approve', BOB),
  ])
  await harness.settle()
  const decided = harness.approval(approval.id)
  expect(decided.status).toBe('approved')
  const winner = decided.reason?.includes(ALICE.id) ? ALICE : BOB
  const loser = winner === ALICE ? BOB : ALICE
  const successes = harness.api.mock.requests.filter((request) => request.path.endsWith('/decide') && request.status === 200)
  expect(successes).toHaveLength(1)
  expect(harness.slack.ephemerals).toEqual([
    { channel: message.channel, user: loser.id, text: expect.stringContaining(`*Approved* by <@${winner.id}>`) },
  ])
})
