// Against a fake Slack (what CI runs): the reviewer posts to it, and the fake's people click.
import { startFakeSlack, type FakeSlack } from '@signoff/slack/testing'
import { startStack } from './stack.ts'

const BOB = { id: 'U0BOB0001', name: 'bob' }
const MALLORY = { id: 'U0MALLORY', name: 'mallory' }
const REVIEWERS = new Set([BOB.id])

const short = (id: string) => (id.length > 12 ? `${id.slice(0, 10)}…` : id)
const say = (line: string) => console.log(line)

function buttons(fake: FakeSlack, ts: string): string {
  const message = fake.messages.find((each) => each.ts === ts)
  const ids = JSON.stringify(message?.blocks ?? []).match(/"action_id":"signoff_(approve|reject)"/g) ?? []
  return ids.length === 0 ? 'no buttons' : ids.map((id) => id.slice(21, -1)).join(' / ')
}

export async function runWithFakeSlack(): Promise<void> {
  const fake = await startFakeSlack()
  const stack = await startStack({
    token: fake.token,
    signingSecret: fake.signingSecret,
    channel: '#approvals',
    slackApiUrl: fake.url,
    canDecide: (user) => REVIEWERS.has(user.id),
    port: 0,
  })
  fake.interactivityUrl = stack.interactionsUrl
  try {
    say('Signoff in Slack, against a fake Slack: people click, the decisions land in the API\n')

    const first = await stack.pause('Can I get a refund for order #1042?')
    const message = fake.messages.at(-1)
    if (message === undefined) throw new Error('the reviewer posted nothing')
    say(`→ run paused: approval ${short(first.id)} posted to #approvals (channel ${message.channel}) with ${buttons(fake, message.ts)}`)

    await fake.click(message, 'signoff_approve', MALLORY)
    await stack.settle()
    say(`← mallory clicked Approve; Slack told her alone: "${fake.ephemerals.at(-1)?.text}"`)
    say(`   the approval is still ${(await stack.client.approvals.get(first.id)).status}`)

    await fake.click(message, 'signoff_reject', BOB)
    await stack.settle()
    const modal = fake.views.at(-1)
    if (modal === undefined) throw new Error('Reject opened no modal')
    say('← bob clicked Reject; a modal asks why')
    await fake.submit(modal, { signoff_reason: { signoff_reason_text: 'Refunds over $100 need a manager' } }, BOB)
    await stack.settle()
    const rejected = await stack.client.approvals.get(first.id)
    say(`✓ approval ${short(first.id)} is ${rejected.status}; its reason in the API: "${rejected.reason}"`)
    say(`   the message now shows ${buttons(fake, message.ts)}`)

    const second = await stack.pause('Please change my delivery address.')
    const other = fake.messages.at(-1)
    if (other === undefined) throw new Error('the reviewer posted nothing')
    await stack.client.approvals.decide({ approval_id: second.id, decision: 'approved', reason: 'Checked by phone' })
    await stack.settle()
    say(`→ approval ${short(second.id)} approved outside Slack (the API, as the CLI does)`)
    say(`✓ its Slack message was updated to the outcome, with ${buttons(fake, other.ts)}`)

    const counts = new Map<string, number>()
    for (const call of fake.calls) counts.set(call.method, (counts.get(call.method) ?? 0) + 1)
    say(`\nSlack calls: ${[...counts].map(([method, count]) => `${method} ×${count}`).join(', ')}`)
  } finally {
    await stack.close()
    await fake.close()
  }
}
