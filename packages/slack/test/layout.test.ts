// What the reviewer reads: untrusted text escaped, Slack's limits kept (3,000 characters a
// section, 50 blocks a message), long values cut with a way to see all, and `render`.
import { defaultApprovalLayout, type ApprovalMessage } from '@signoff/slack'
import { afterEach, expect, it } from 'vitest'
import { ALICE, buttonsOf, Harness } from './harness.js'

let harness: Harness | undefined
afterEach(() => harness?.close())

const sections = (blocks: Array<Record<string, unknown>>) =>
  blocks.filter((block) => block['type'] === 'section').map((block) => (block['text'] as { text: string } | undefined)?.text ?? '')

it('escapes & < > in the run, so an answer cannot ping the channel, mention someone or fake a link', async () => {
  harness = await Harness.start()
  const hostile = '<!channel> <@U0BOSS> see <https://evil.example|your invoice> & reply'
  const { message } = await harness.pause({ message: hostile })
  const shown = JSON.stringify(message.blocks) + message.text
  expect(shown).toContain('&lt;!channel&gt; &lt;@U0BOSS&gt; see &lt;https://evil.example|your invoice&gt; &amp; reply')
  expect(shown).not.toMatch(/<!channel>|<@U0BOSS>|<https:\/\/evil/)
})

it('cuts a long value to fit a section, and "Show all" opens it in full', async () => {
  harness = await Harness.start()
  // Each & grows to five characters once escaped: the cut must count the escaped length.
  const long = `${'Refund & return policy line. '.repeat(400)}THE END`
  const { message } = await harness.pause({ message: long })
  for (const text of sections(message.blocks)) expect(text.length).toBeLessThanOrEqual(3000)
  expect(harness.slack.callsTo('chat.postMessage')[0]?.error).toBeUndefined()
  expect(JSON.stringify(message.blocks)).toMatch(/more characters: Show all/)
  expect(buttonsOf(message)).toEqual(['signoff_show_all', 'signoff_show_all', 'signoff_approve', 'signoff_reject'])

  await harness.slack.click(message, 'signoff_show_all', ALICE)
  await harness.settle()
  const [view] = harness.slack.views
  expect(harness.slack.callsTo('views.update')).toHaveLength(1)
  const parts = sections((view?.view['blocks'] ?? []) as Array<Record<string, unknown>>)
  expect(parts.length).toBeGreaterThan(1)
  for (const part of parts) expect(part.length).toBeLessThanOrEqual(3000)
  const full = parts.map((part) => part.replace(/^```|```$/g, '')).join('')
  expect(full).toBe(JSON.stringify({ message: long }, null, 2).replaceAll('&', '&amp;'))
})

it('uses render for the content and keeps the buttons, within 50 blocks', async () => {
  const render = (approval: Parameters<typeof defaultApprovalLayout>[0]): ApprovalMessage => ({
    text: `Custom ${approval.id}`,
    blocks: Array.from({ length: 70 }, (_, index) => ({ type: 'section', text: { type: 'mrkdwn', text: `line ${index} ${'x'.repeat(4000)}` } })),
  })
  harness = await Harness.start({ render })
  const { approval, message } = await harness.pause()
  expect(harness.slack.callsTo('chat.postMessage')[0]?.error).toBeUndefined()
  expect(message.blocks).toHaveLength(50)
  expect(message.text).toBe(`Custom ${approval.id}`)
  for (const text of sections(message.blocks)) expect(text.length).toBeLessThanOrEqual(3000)
  expect(JSON.stringify(message.blocks.at(-2))).toContain('22 more blocks left out') // 48 kept, the note, the buttons
  expect(buttonsOf(message)).toEqual(['signoff_approve', 'signoff_reject'])

  await harness.slack.click(message, 'signoff_approve', ALICE)
  await harness.settle()
  expect(message.blocks.length).toBeLessThanOrEqual(50)
  expect(JSON.stringify(message.blocks)).toContain(`*Approved* by <@${ALICE.id}>`)
})

it('posts to the channel a function picks for each approval', async () => {
  harness = await Harness.start({ channel: async (approval) => (approval.checkpoint_name === 'review_reply' ? '#support-review' : '#other') })
  await harness.pause()
  expect(harness.slack.callsTo('chat.postMessage')[0]?.args['channel']).toBe('#support-review')
})
