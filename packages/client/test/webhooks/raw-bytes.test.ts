// Signatures cover the bytes sent. Decoding them as text first would strip a byte-order mark
// and turn invalid bytes into U+FFFD, so different bodies would share one signature.
import { describe, expect, it } from 'vitest'
import { WebhookVerificationError, unwrapWebhook, verifyWebhook } from '../../src/index.js'
import { NOW, SECRET, decidedBody, signWithReference } from './fixtures.js'

const now = () => NOW
const BOM = [0xef, 0xbb, 0xbf]
const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...new TextEncoder().encode(part)] : part)))

async function rejection(promise: Promise<unknown>) {
  return promise.then(() => 'accepted', (error: unknown) => (error instanceof WebhookVerificationError ? error.reason : String(error)))
}

describe('signatures over the raw bytes', () => {
  it('accepts a signed body that starts with a byte-order mark, and parses it', async () => {
    const body = decidedBody()
    const signed = signWithReference(`\uFEFF${body}`)
    await expect(verifyWebhook(bytes(BOM, body), signed, { secret: SECRET, now })).resolves.toBe(`\uFEFF${body}`)
    const event = await unwrapWebhook(bytes(BOM, body), signed, { secret: SECRET, now })
    expect(event.type).toBe('approval.decided')
  })

  it('rejects a byte-order mark nobody signed', async () => {
    const body = decidedBody()
    expect(await rejection(verifyWebhook(bytes(BOM, body), signWithReference(body), { secret: SECRET, now }))).toBe('bad_signature')
  })

  it('rejects invalid UTF-8 under the signature of the replacement characters it would decode to', async () => {
    const signed = signWithReference('\uFFFD\uFFFD')
    expect(await rejection(verifyWebhook(bytes([0xff, 0xfe]), signed, { secret: SECRET, now }))).toBe('bad_signature')
    // The bytes the signature covers are accepted.
    await expect(verifyWebhook(bytes([0xef, 0xbf, 0xbd, 0xef, 0xbf, 0xbd]), signed, { secret: SECRET, now })).resolves.toBe('\uFFFD\uFFFD')
  })

  it('verifies a body given as an ArrayBuffer or a view on part of one', async () => {
    const body = decidedBody()
    const signed = signWithReference(body)
    const padded = bytes([1, 2, 3], body, [4, 5])
    await expect(verifyWebhook(padded.subarray(3, padded.length - 2), signed, { secret: SECRET, now })).resolves.toBe(body)
    await expect(verifyWebhook(bytes(body).buffer, signed, { secret: SECRET, now })).resolves.toBe(body)
  })

  it('an authentic body that is not UTF-8 verifies, but does not unwrap', async () => {
    const raw = bytes('{"type":"', [0xff], '"}')
    const signature = await signBytes(raw)
    const signed = { ...signWithReference(''), 'webhook-signature': signature }
    await expect(verifyWebhook(raw, signed, { secret: SECRET, now })).resolves.toBeTypeOf('string')
    expect(await rejection(unwrapWebhook(raw, signed, { secret: SECRET, now }))).toBe('bad_payload')
  })
})

/** Signs bytes that are not text, which the reference package cannot: plain Web Crypto. */
async function signBytes(raw: Uint8Array): Promise<string> {
  const headers = signWithReference('')
  const key = await crypto.subtle.importKey('raw', Uint8Array.from(atob(SECRET.slice(6)), (c) => c.charCodeAt(0)), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
  const content = bytes(`${headers['webhook-id']}.${headers['webhook-timestamp']}.`, [...raw])
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', key, content))
  return `v1,${btoa(String.fromCharCode(...signature))}`
}
