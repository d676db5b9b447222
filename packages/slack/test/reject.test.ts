// Reject opens a modal at once (the click's trigger is single-use and lasts 3 s); the reason
// is required; permission is asked when the modal is submitted.
import { afterEach, expect, it } from 'vitest'
import { ALICE, BOB, buttonsOf, Harness, type ReviewerOptions } from './harness.js'

const REASON = { signoff_reason: { signoff_reason_text: 'The refund amount is wrong' } }

let harness: Harness | undefined
afterEach(() => harness?.close())

async function openModal(options: ReviewerOptions = {}) {
  harness = await Harness.start(options)
  const paused = await harness.pause()
  const answer = await harness.slack.click(paused.message, 'signoff_reject', ALICE)
  expect(answer.status).toBe(200)
  await harness.settle()
  const [view] = harness.slack.views
  if (view === undefined) throw new Error('no modal was opened')
  return { harness, view, ...paused }
}

it('opens a modal asking why, then rejects with the reason and the reviewer recorded', async () => {
  const { harness, view, approval, message } = await openModal()
  const [open] = harness.slack.callsTo('views.open')
  expect(open?.error).toBeUndefined()
  expect(view.user).toBe(ALICE.id)
  expect(JSON.stringify(view.view)).toContain('Why is this rejected?')
  // Nothing is decided by opening the modal.
  expect(harness.approval(approval.id).status).toBe('pending')

  const answer = await harness.slack.submit(view, REASON, ALICE)
  expect(answer.status).toBe(200)
  expect(await answer.text()).toBe('') // an empty 200 closes the modal
  await harness.settle()

  const decided = harness.approval(approval.id)
  expect(decided.status).toBe('rejected')
  expect(decided.reason).toBe(`Rejected in Slack by <@${ALICE.id}> (alice, team T0FAKETEAM): The refund amount is wrong`)
  expect(harness.api.mock.store.getExecution(approval.execution_id)?.status).toBe('rejected')
  expect(buttonsOf(message)).toEqual([])
  const shown = JSON.stringify(message.blocks)
  expect(shown).toContain(`*Rejected* by <@${ALICE.id}>`)
  expect(shown).toContain('*Reason:* The refund amount is wrong')
  expect(harness.errors).toEqual([])
})

it('keeps the modal open with an error when the reason is only blanks, deciding nothing', async () => {
  const { harness, view, approval } = await openModal()
  const answer = await harness.slack.submit(view, { signoff_reason: { signoff_reason_text: '  \n ' } }, ALICE)
  expect(answer.status).toBe(200)
  expect(await answer.json()).toEqual({ response_action: 'errors', errors: { signoff_reason: 'Say why this is rejected.' } })
  await harness.settle()
  expect(harness.approval(approval.id).status).toBe('pending')
  expect(harness.decideCalls()).toBe(0)
})

it('asks canDecide when the modal is submitted, and tells a refused user alone', async () => {
  const asked: string[] = []
  const { harness, view, approval, message } = await openModal({
    canDecide: async (user, pending) => {
      asked.push(`${user.id} ${pending.id}`)
      return user.id === BOB.id
    },
  })
  expect(asked).toEqual([]) // not asked on the click: the modal had to open first
  await harness.slack.submit(view, REASON, ALICE)
  await harness.settle()

  expect(asked).toEqual([`${ALICE.id} ${approval.id}`])
  expect(harness.approval(approval.id).status).toBe('pending')
  expect(harness.decideCalls()).toBe(0)
  expect(harness.slack.ephemerals).toEqual([
    { channel: message.channel, user: ALICE.id, text: 'You are not allowed to decide this approval, so nothing was decided.' },
  ])
  expect(buttonsOf(message)).toEqual(['signoff_approve', 'signoff_reject'])
})
