// canDecide restricts who may decide: a refusal is told to that user only, and nothing is decided.
import { afterEach, expect, it } from 'vitest'
import { ALICE, BOB, buttonsOf, Harness } from './harness.js'

const REFUSED = 'You are not allowed to decide this approval, so nothing was decided.'

let harness: Harness | undefined
afterEach(() => harness?.close())

it('refuses an approve click from someone canDecide turns away, ephemerally', async () => {
  const seen: unknown[] = []
  harness = await Harness.start({
    canDecide: (user, approval) => {
      seen.push({ user, checkpoint: approval.checkpoint_name })
      return user.id === BOB.id
    },
  })
  const { approval, message } = await harness.pause()
  await harness.slack.click(message, 'signoff_approve', ALICE)
  await harness.settle()

  expect(seen).toEqual([{ user: { id: ALICE.id, name: 'alice', teamId: 'T0FAKETEAM' }, checkpoint: 'review_reply' }])
  expect(harness.approval(approval.id).status).toBe('pending')
  expect(harness.decideCalls()).toBe(0)
  expect(harness.slack.ephemerals).toEqual([{ channel: message.channel, user: ALICE.id, text: REFUSED }])
  expect(harness.slack.callsTo('chat.update')).toEqual([])
  expect(buttonsOf(message)).toEqual(['signoff_approve', 'signoff_reject'])

  // Someone allowed still can.
  await harness.slack.click(message, 'signoff_approve', BOB)
  await harness.settle()
  expect(harness.approval(approval.id)).toMatchObject({ status: 'approved', reason: expect.stringContaining(`<@${BOB.id}>`) })
})

it('treats a canDecide that throws as a refusal, and reports the error', async () => {
  harness = await Harness.start({
    canDecide: async () => {
      throw new Error('directory unavailable')
    },
  })
  const { approval, message } = await harness.pause()
  await harness.slack.click(message, 'signoff_approve', ALICE)
  await harness.settle()
  expect(harness.approval(approval.id).status).toBe('pending')
  expect(harness.slack.ephemerals.map((each) => each.text)).toEqual([REFUSED])
  expect(harness.errors).toEqual([new Error('directory unavailable')])
})
