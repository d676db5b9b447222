// The interactivity endpoint acts only on requests signed by Slack: v0 HMAC-SHA256 over
// "v0:{timestamp}:{raw body}" with the signing secret, within 5 minutes. Anything else is a
// 401 that decides nothing and calls Slack for nothing.
import type { IncomingMessage } from 'node:http'
import { signInteraction } from '@signoff/slack/testing'
import { SlackVerificationError } from '@signoff/slack'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { ALICE, Harness } from './harness.js'

let harness: Harness
let clickPayload: unknown
let approvalId = ''
beforeEach(async () => {
  harness = await Harness.start()
  const { approval, message } = await harness.pause()
  approvalId = approval.id
  clickPayload = {
    type: 'block_actions',
    user: { id: ALICE.id, name: 'alice', team_id: 'T0FAKETEAM' },
    trigger_id: 'trigger',
    container: { type: 'message', channel_id: message.channel, message_ts: message.ts },
    actions: [{ type: 'button', action_id: 'signoff_approve', value: approval.id }],
  }
})
afterEach(() => harness.close())

const send = (body: string, headers: Record<string, string>, url = harness.slack.interactivityUrl ?? '') =>
  fetch(url, { method: 'POST', body, headers })

async function expectNothingDone(response: Response, reason: string) {
  expect(response.status).toBe(401)
  await harness.settle()
  expect(harness.approval(approvalId).status).toBe('pending')
  expect(harness.decideCalls()).toBe(0)
  expect(harness.slack.calls.map((call) => call.method)).toEqual(['chat.postMessage'])
  expect(harness.errors).toEqual([expect.any(SlackVerificationError)])
  expect((harness.errors[0] as SlackVerificationError).reason).toBe(reason)
  expect(String(harness.errors[0])).not.toContain(harness.slack.signingSecret)
}

it('acts on a request signed with the signing secret (the control for the refusals below)', async () => {
  const { body, headers } = signInteraction(harness.slack.signingSecret, clickPayload)
  expect((await send(body, headers)).status).toBe(200)
  await harness.settle()
  expect(harness.approval(approvalId).status).toBe('approved')
})

it('refuses a request signed with another secret', async () => {
  const { body, headers } = signInteraction('not-the-signing-secret', clickPayload)
  await expectNothingDone(await send(body, headers), 'bad_signature')
})

it('refuses a body changed after it was signed', async () => {
  const { body, headers } = signInteraction(harness.slack.signingSecret, clickPayload)
  await expectNothingDone(await send(body.replace('signoff_approve', 'signoff_reject'), headers), 'bad_signature')
})

it('refuses a request without the signature headers', async () => {
  const { body } = signInteraction(harness.slack.signingSecret, clickPayload)
  await expectNothingDone(await send(body, { 'content-type': 'application/x-www-form-urlencoded' }), 'missing_header')
})

it('refuses a correctly signed request older than five minutes (a replay)', async () => {
  const stale = Math.floor(Date.now() / 1000) - 301
  const { body, headers } = signInteraction(harness.slack.signingSecret, clickPayload, stale)
  await expectNothingDone(await send(body, headers), 'stale_timestamp')
})

it('refuses a signature of the right length that differs in one character', async () => {
  const { body, headers } = signInteraction(harness.slack.signingSecret, clickPayload)
  const signature = headers['x-slack-signature'] ?? ''
  const flipped = `${signature.slice(0, -1)}${signature.endsWith('0') ? '1' : '0'}`
  await expectNothingDone(await send(body, { ...headers, 'x-slack-signature': flipped }), 'bad_signature')
})

it('answers 413 to a body over the limit, 405 to a GET and 400 to a signed body without a payload', async () => {
  const big = signInteraction(harness.slack.signingSecret, { type: 'block_actions', padding: 'x'.repeat(1024 * 1024) })
  expect((await send(big.body, big.headers)).status).toBe(413)
  expect((await fetch(harness.slack.interactivityUrl ?? '')).status).toBe(405)
  const timestamp = String(Math.floor(Date.now() / 1000))
  const { slackSignature } = await import('@signoff/slack')
  const headers = { 'x-slack-request-timestamp': timestamp, 'x-slack-signature': slackSignature(harness.slack.signingSecret, timestamp, 'a=1') }
  expect((await send('a=1', headers)).status).toBe(400)
  expect(harness.decideCalls()).toBe(0)
})

it('verifies a raw body kept by a body parser (Express) and explains one that was consumed', async () => {
  const handler = harness.reviewers[0]?.interactionHandler()
  if (handler === undefined) throw new Error('no reviewer')
  const readAll = async (request: IncomingMessage) => {
    const chunks: Buffer[] = []
    for await (const chunk of request) chunks.push(chunk as Buffer)
    return Buffer.concat(chunks)
  }
  // As express.urlencoded({ verify }) leaves it: the parsed body, and the bytes in rawBody.
  const kept = await harness.serve(async (request, response) => {
    const raw = await readAll(request)
    Object.assign(request, { rawBody: raw, body: Object.fromEntries(new URLSearchParams(raw.toString())) })
    handler(request, response)
  })
  // As express.urlencoded() alone leaves it: parsed, the bytes gone.
  const consumed = await harness.serve(async (request, response) => {
    const raw = await readAll(request)
    Object.assign(request, { body: Object.fromEntries(new URLSearchParams(raw.toString())) })
    handler(request, response)
  })
  const signed = signInteraction(harness.slack.signingSecret, clickPayload)
  expect((await send(signed.body, signed.headers, consumed.url)).status).toBe(500)
  expect(String(harness.errors.at(-1))).toMatch(/before express\.urlencoded\(\)/)
  expect(harness.decideCalls()).toBe(0)
  expect((await send(signed.body, signed.headers, kept.url)).status).toBe(200)
  await harness.settle()
  expect(harness.approval(approvalId).status).toBe('approved')
})

it('verifies a body a text parser kept as a string (express.text()): a form body is ASCII, so its bytes are the signed ones', async () => {
  const handler = harness.reviewers[0]?.interactionHandler()
  if (handler === undefined) throw new Error('no reviewer')
  const asText = await harness.serve(async (request, response) => {
    const chunks: Buffer[] = []
    for await (const chunk of request) chunks.push(chunk as Buffer)
    Object.assign(request, { body: Buffer.concat(chunks).toString('utf8') })
    handler(request, response)
  })
  const signed = signInteraction(harness.slack.signingSecret, clickPayload)
  expect((await send(signed.body, signed.headers, asText.url)).status).toBe(200)
  await harness.settle()
  expect(harness.approval(approvalId).status).toBe('approved')
})
