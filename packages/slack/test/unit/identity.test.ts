import { formatSlackDecision, parseSlackDecision } from '@signoff/slack'
import { expect, it } from 'vitest'

it('writes the documented form, always with the <@U…> mention', () => {
  expect(formatSlackDecision('approved', { id: 'U0123ABC' })).toBe('Approved in Slack by <@U0123ABC>')
  expect(formatSlackDecision('approved', { id: 'U0123ABC', name: 'alice', teamId: 'T0456' })).toBe(
    'Approved in Slack by <@U0123ABC> (alice, team T0456)',
  )
  expect(formatSlackDecision('rejected', { id: 'W0123ABC', name: 'a (b): c' }, '  Wrong price \n')).toBe(
    'Rejected in Slack by <@W0123ABC> (a b c): Wrong price',
  )
})

it('reads back what it wrote, and nothing else', () => {
  const reason = formatSlackDecision('rejected', { id: 'U0123ABC', name: 'alice', teamId: 'T0456' }, 'Wrong: price\nand tone')
  expect(parseSlackDecision(reason)).toEqual({
    decision: 'rejected',
    user: { id: 'U0123ABC', name: 'alice', teamId: 'T0456' },
    reason: 'Wrong: price\nand tone',
  })
  expect(parseSlackDecision('Approved in Slack by <@U0123ABC>')).toEqual({
    decision: 'approved',
    user: { id: 'U0123ABC', name: undefined, teamId: undefined },
    reason: undefined,
  })
  for (const other of ['Looks right', '', null, undefined, 'Approved in Slack by <!channel>', 'Approved by <@U0123ABC>']) {
    expect(parseSlackDecision(other)).toBeUndefined()
  }
})
