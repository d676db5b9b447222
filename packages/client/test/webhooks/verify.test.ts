import { describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import { InvalidRequestError, Signoff, WebhookVerificationError, unwrapWebhook, verifyWebhook } from '../../src/index.js'
import { NOW, OTHER_SECRET, SECRET, decidedBody, signWithReference } from './fixtures.js'

const now = () => NOW

async function reason(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught)
  expect(error).toBeInstanceOf(WebhookVerificationError)
  return (error as WebhookVerificationError).reason
}

describe('verifying webhooks signed by the standardwebhooks package', () => {
  it('accepts an authentic message and returns the typed event', async () => {
    const body = decidedBody()
    const event = await unwrapWebhook(body, signWithReference(body), { secret: SECRET, now })
    expect(event.type).toBe('approval.decided')
    if (event.type !== 'approval.decided') throw new Error('narrowing')
    expect(event.data.approval.status).toBe('approved')
    expect(event.data.execution.status).toBe('completed')
  })

  it('reads headers from a Headers object or a record in any case, and bytes as body', async () => {
    const body = decidedBody()
    const headers = signWithReference(body)
    const upper = Object.fromEntries(Object.entries(headers).map(([key, value]) => [key.toUpperCase(), value]))
    await expect(verifyWebhook(new TextEncoder().encode(body), new Headers(headers), { secret: SECRET, now })).resolves.toBe(body)
    await expect(verifyWebhook(body, upper, { secret: SECRET, now })).resolves.toBe(body)
  })

  it('accepts any of several secrets, and any of several signatures (rotation)', async () => {
    const body = decidedBody()
    const old = signWithReference(body, { secret: OTHER_SECRET })
    const current = signWithReference(body)
    const both = { ...current, 'webhook-signature': `${old['webhook-signature']} ${current['webhook-signature']}` }
    await expect(verifyWebhook(body, old, { secret: [SECRET, OTHER_SECRET], now })).resolves.toBe(body)
    await expect(verifyWebhook(body, both, { secret: SECRET, now })).resolves.toBe(body)
  })

  it('names the reason for each rejection', async () => {
    const body = decidedBody()
    const headers = signWithReference(body)
    expect(await reason(verifyWebhook(body, { ...headers, 'webhook-id': undefined }, { secret: SECRET, now }))).toBe('missing_header')
    expect(await reason(verifyWebhook(body, headers, { secret: SECRET, now: () => NOW + 301_000 }))).toBe('timestamp_too_old')
    expect(await reason(verifyWebhook(body, headers, { secret: SECRET, now: () => NOW - 301_000 }))).toBe('timestamp_in_future')
    expect(await reason(verifyWebhook(`${body} `, headers, { secret: SECRET, now }))).toBe('bad_signature')
    expect(await reason(verifyWebhook(body, headers, { secret: OTHER_SECRET, now }))).toBe('bad_signature')
    const notJson = 'not json'
    expect(await reason(unwrapWebhook(notJson, signWithReference(notJson), { secret: SECRET, now }))).toBe('bad_payload')
  })

  it('honours a custom tolerance', async () => {
    const body = decidedBody()
    const headers = signWithReference(body)
    await expect(verifyWebhook(body, headers, { secret: SECRET, now: () => NOW + 30_000, toleranceSeconds: 60 })).resolves.toBe(body)
    expect(await reason(verifyWebhook(body, headers, { secret: SECRET, now: () => NOW + 61_000, toleranceSeconds: 60 }))).toBe('timestamp_too_old')
  })

  it('never puts the secret or the expected signature in the error', async () => {
    const body = decidedBody()
    const headers = signWithReference(body)
    const expected = headers['webhook-signature']
    const error = await verifyWebhook(`${body}x`, headers, { secret: SECRET, now }).then(() => undefined, (caught: unknown) => caught as Error)
    const text = `${String(error)} ${error?.stack ?? ''} ${JSON.stringify(error)}`
    expect(text).not.toContain(SECRET.slice(6))
    expect(text).not.toContain(expected.slice(3))
  })

  it('parses an unknown event type as a generic event', async () => {
    const body = JSON.stringify({ type: 'approval.escalated', timestamp: '2026-11-25T12:00:00Z', data: { level: 2 } })
    const event = await unwrapWebhook(body, signWithReference(body), { secret: SECRET, now })
    expect(event).toEqual({ type: 'unknown', original_type: 'approval.escalated', timestamp: '2026-11-25T12:00:00Z', data: { level: 2 } })
  })

  it('types the payload with a schema, and rejects one that does not match as bad_payload', async () => {
    const body = decidedBody()
    const Review = z.object({ input: z.object({ message: z.string() }) })
    const event = await unwrapWebhook(body, signWithReference(body), { secret: SECRET, now, payloadSchema: Review })
    if (event.type !== 'approval.decided') throw new Error('narrowing')
    expect(event.data.approval.payload?.input.message).toBe('Refund order 42')
    const Wrong = z.object({ amount: z.number() })
    expect(await reason(unwrapWebhook(body, signWithReference(body), { secret: SECRET, now, payloadSchema: Wrong }))).toBe('bad_payload')
  })

  it('client.webhooks uses the client\'s webhookSecret, and says when there is none', async () => {
    const body = decidedBody()
    const client = new Signoff({ webhookSecret: SECRET })
    const event = await client.webhooks.unwrap(body, signWithReference(body, { at: Date.now() }))
    expect(event.type).toBe('approval.decided')
    await expect(new Signoff().webhooks.verify(body, signWithReference(body))).rejects.toBeInstanceOf(InvalidRequestError)
  })

  it('a malformed secret is an InvalidRequestError that does not echo it', async () => {
    const body = decidedBody()
    const error = await verifyWebhook(body, signWithReference(body), { secret: 'whsec_%%%not-base64', now }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(InvalidRequestError)
    expect(String(error)).not.toContain('not-base64')
  })
})
