// Our verdicts against the `standardwebhooks` reference package. The rule (docs/webhooks.md):
// the same verdict on every message spelled as the Standard Webhooks spec writes it; stricter
// only where the reference accepts a respelled header; and the signature covers the body's
// bytes, where the reference decodes a Buffer first.
import { createHmac } from 'node:crypto'
import fc from 'fast-check'
import { Webhook, WebhookVerificationError as ReferenceError } from 'standardwebhooks'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { InvalidRequestError, WebhookVerificationError, verifyWebhook } from '../../src/index.js'
import { NOW, OTHER_SECRET, SECRET } from './fixtures.js'

const RUNS = 2_000
const reference = new Webhook(SECRET)
const other = new Webhook(OTHER_SECRET)
const now = () => NOW
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

// The reference reads the clock itself: pin it to our NOW.
beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
})
afterAll(() => {
  vi.useRealTimers()
})

type Headers = Record<string, string>

async function ours(body: string | Uint8Array, headers: Headers, secret = SECRET): Promise<boolean> {
  try {
    await verifyWebhook(body, headers, { secret, now })
    return true
  } catch (error) {
    if (error instanceof WebhookVerificationError) return false
    throw error
  }
}

function theirs(body: string | Buffer, headers: Headers, verifier = reference): boolean {
  try {
    verifier.verify(body, headers, { jsonParse: false })
    return true
  } catch (error) {
    if (error instanceof ReferenceError) return false
    throw error
  }
}

/** HMAC over exactly these bytes, as a sender that signs what it sends does. */
function hmac(content: string | Uint8Array): string {
  return createHmac('sha256', Buffer.from(SECRET.slice('whsec_'.length), 'base64')).update(content).digest('base64')
}

const TIMESTAMP_SPELLINGS = ['canonical', 'leading zero', 'plus sign', 'leading space', 'suffix'] as const
type TimestampSpelling = (typeof TIMESTAMP_SPELLINGS)[number]
function spellTimestamp(seconds: number, spelling: TimestampSpelling, suffix: string): string {
  if (spelling === 'leading zero') return `0${seconds}`
  if (spelling === 'plus sign') return `+${seconds}`
  if (spelling === 'leading space') return ` ${seconds}`
  if (spelling === 'suffix') return `${seconds}${suffix}`
  return String(seconds)
}

// Ways to write one signature entry. The first group is judged alike by both; the reference
// accepts `trailing field` (it reads only up to a second comma), which we refuse.
const SAME_VERDICT_ENTRIES = ['valid', 'other secret', 'unpadded', 'padding bits', 'tab inside', 'v1a', 'garbage'] as const
const ENTRY_KINDS = [...SAME_VERDICT_ENTRIES, 'trailing field'] as const
type EntryKind = (typeof ENTRY_KINDS)[number]
function entry(kind: EntryKind, valid: string, otherSecret: string, garbage: string): string {
  const encoded = valid.slice(3)
  if (kind === 'other secret') return otherSecret
  if (kind === 'unpadded') return `v1,${encoded.replace(/=+$/, '')}`
  if (kind === 'padding bits') {
    // 32 bytes end in "X=": X carries 4 bits of data and 2 of padding, which must be zero.
    const last = encoded.at(-2) ?? 'A'
    const respelled = ALPHABET[ALPHABET.indexOf(last) | 1] ?? last
    return `v1,${encoded.slice(0, -2)}${respelled}=`
  }
  if (kind === 'tab inside') return `v1,${encoded.slice(0, 10)}\t${encoded.slice(10)}`
  if (kind === 'v1a') return `v1a,${encoded}`
  if (kind === 'garbage') return `v1,${garbage}`
  if (kind === 'trailing field') return `${valid},extra`
  return valid
}

const message = fc.record({
  id: fc.stringMatching(/^msg_[0-9A-Za-z]{1,27}$/),
  body: fc.string({ unit: 'grapheme', maxLength: 100 }),
  skew: fc.integer({ min: -400, max: 400 }),
  garbage: fc.string({ unit: fc.constantFrom(...ALPHABET, '='), maxLength: 48 }),
})

function sign(input: { id: string; body: string; skew: number }) {
  const at = NOW + input.skew * 1000
  const seconds = Math.floor(at / 1000)
  return { seconds, valid: reference.sign(input.id, new Date(at), input.body), otherSecret: other.sign(input.id, new Date(at), input.body) }
}

describe('verdicts against the standardwebhooks reference', () => {
  it('agree on every message whose headers are spelled as the spec writes them', async () => {
    await fc.assert(
      fc.asyncProperty(message, fc.array(fc.constantFrom(...SAME_VERDICT_ENTRIES), { minLength: 1, maxLength: 3 }), async (input, kinds) => {
        const { seconds, valid, otherSecret } = sign(input)
        const signature = kinds.map((kind) => entry(kind, valid, otherSecret, input.garbage)).join(' ')
        const headers = { 'webhook-id': input.id, 'webhook-timestamp': String(seconds), 'webhook-signature': signature }
        expect(await ours(input.body, headers)).toBe(theirs(input.body, headers))
      }),
      { numRuns: RUNS },
    )
  })

  it('never accept what the reference rejects, however the headers are spelled', async () => {
    const spelling = fc.constantFrom(...TIMESTAMP_SPELLINGS)
    const suffix = fc.constantFrom('.5', 'abc', 'e3', ' 1', 'Z')
    const signedOver = fc.constantFrom('header text', 'number')
    await fc.assert(
      fc.asyncProperty(message, fc.array(fc.constantFrom(...ENTRY_KINDS), { minLength: 1, maxLength: 3 }), spelling, suffix, signedOver, async (input, kinds, how, tail, over) => {
        const { seconds, otherSecret } = sign(input)
        const timestamp = spellTimestamp(seconds, how, tail)
        // The reference signs the number it parsed; a sender could as well sign the header's text.
        const valid = over === 'number' ? reference.sign(input.id, new Date(seconds * 1000), input.body) : `v1,${hmac(`${input.id}.${timestamp}.${input.body}`)}`
        const signature = kinds.map((kind) => entry(kind, valid, otherSecret, input.garbage)).join(' ')
        const headers = { 'webhook-id': input.id, 'webhook-timestamp': timestamp, 'webhook-signature': signature }
        if (await ours(input.body, headers)) expect(theirs(input.body, headers)).toBe(true)
      }),
      { numRuns: RUNS },
    )
  })

  it('are stricter in one place each: a respelled timestamp, and an entry with a field after the signature', async () => {
    const spelling = fc.constantFrom(...TIMESTAMP_SPELLINGS.filter((how) => how !== 'canonical'))
    const suffix = fc.constantFrom('.5', 'abc', 'e3', ' 1', 'Z')
    const inTolerance = message.map((input) => ({ ...input, skew: input.skew % 300 }))
    await fc.assert(
      fc.asyncProperty(inTolerance, spelling, suffix, async (input, how, tail) => {
        const { seconds, valid } = sign(input)
        const respelled = { 'webhook-id': input.id, 'webhook-timestamp': spellTimestamp(seconds, how, tail), 'webhook-signature': valid }
        expect([theirs(input.body, respelled), await ours(input.body, respelled)]).toEqual([true, false])
        const trailing = { 'webhook-id': input.id, 'webhook-timestamp': String(seconds), 'webhook-signature': `${valid},extra` }
        expect([theirs(input.body, trailing), await ours(input.body, trailing)]).toEqual([true, false])
      }),
      { numRuns: RUNS },
    )
  })

  it('differ on bytes that are not UTF-8: the reference decodes a Buffer before signing, we sign the bytes', async () => {
    const id = 'msg_bytes'
    const timestamp = String(Math.floor(NOW / 1000))
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 64 }), async (raw) => {
        const bytes = Buffer.from(raw)
        const isUtf8 = Buffer.compare(Buffer.from(bytes.toString('utf8')), bytes) === 0
        const theirSignature = { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': reference.sign(id, new Date(NOW), bytes) }
        expect(theirs(bytes, theirSignature)).toBe(true)
        expect(await ours(raw, theirSignature)).toBe(isUtf8)
        const content = Buffer.concat([Buffer.from(`${id}.${timestamp}.`), bytes])
        const bytesSignature = { ...theirSignature, 'webhook-signature': `v1,${hmac(content)}` }
        expect(await ours(raw, bytesSignature)).toBe(true)
        expect(theirs(bytes, bytesSignature)).toBe(isUtf8)
      }),
      { numRuns: RUNS },
    )
  })

  it('take a secret only as canonical base64, which the reference reads as the same key', async () => {
    const base64ish = fc.string({ unit: fc.constantFrom(...ALPHABET.slice(0, 8), '+', '/', '=', ' ', '-', '_', '*'), maxLength: 48 })
    const validKey = fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes) => Buffer.from(bytes).toString('base64'))
    await fc.assert(
      fc.asyncProperty(fc.oneof(base64ish, validKey), fc.boolean(), async (encoded, prefixed) => {
        const secret = prefixed ? `whsec_${encoded}` : encoded
        const canonical = encoded.length > 0 && Buffer.from(encoded, 'base64').toString('base64') === encoded
        const headers = { 'webhook-id': 'msg_key', 'webhook-timestamp': String(Math.floor(NOW / 1000)), 'webhook-signature': 'v1,' }
        if (canonical) headers['webhook-signature'] = new Webhook(secret).sign('msg_key', new Date(NOW), '{}')
        const verdict = await ours('{}', headers, secret).catch((error: unknown) => {
          if (error instanceof InvalidRequestError) return 'refused'
          throw error
        })
        // Canonical: the reference's signature under the same key verifies. Anything else is
        // refused when the verifier is made, whatever the reference makes of it.
        expect(verdict).toBe(canonical ? true : 'refused')
      }),
      { numRuns: RUNS },
    )
  })
})
