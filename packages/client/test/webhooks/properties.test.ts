import fc from 'fast-check'
import { Webhook } from 'standardwebhooks'
import { describe, expect, it } from 'vitest'
import { WebhookVerificationError, verifyWebhook } from '../../src/index.js'
import { NOW, SECRET } from './fixtures.js'

const RUNS = 10_000
const reference = new Webhook(SECRET)
const now = () => NOW

const message = fc.record({
  id: fc.stringMatching(/^msg_[0-9A-Za-z]{1,27}$/),
  body: fc.string({ unit: 'grapheme', maxLength: 200 }),
  skew: fc.integer({ min: -299, max: 299 }),
})

function signed(input: { id: string; body: string; skew: number }) {
  const at = NOW + input.skew * 1000
  return {
    'webhook-id': input.id,
    'webhook-timestamp': String(Math.floor(at / 1000)),
    'webhook-signature': reference.sign(input.id, new Date(at), input.body),
  }
}

async function rejected(promise: Promise<unknown>): Promise<boolean> {
  return promise.then(
    () => false,
    (error: unknown) => error instanceof WebhookVerificationError,
  )
}

describe('webhook verification properties', () => {
  it('accepts every validly signed message within the tolerance', async () => {
    await fc.assert(
      fc.asyncProperty(message, async (input) => {
        expect(await verifyWebhook(input.body, signed(input), { secret: SECRET, now })).toBe(input.body)
      }),
      { numRuns: RUNS },
    )
  })

  it('rejects any change to the body, id, timestamp, signature or secret', async () => {
    const change = fc.constantFrom('body', 'id', 'timestamp', 'signature', 'secret')
    await fc.assert(
      fc.asyncProperty(message, change, fc.string({ minLength: 1, maxLength: 8 }), async (input, field, extra) => {
        const headers = signed(input)
        let body = input.body
        let secret = SECRET
        if (field === 'body') body = `${body}${extra}`
        if (field === 'id') headers['webhook-id'] = `${headers['webhook-id']}${extra}`
        if (field === 'timestamp') headers['webhook-timestamp'] = String(Number(headers['webhook-timestamp']) + 1)
        if (field === 'signature') {
          const signature = headers['webhook-signature']
          const flipped = signature.at(-3) === 'A' ? 'B' : 'A'
          headers['webhook-signature'] = `${signature.slice(0, -3)}${flipped}${signature.slice(-2)}`
        }
        if (field === 'secret') secret = `whsec_${btoa(`${extra}-another-secret`)}`
        expect(await rejected(verifyWebhook(body, headers, { secret, now }))).toBe(true)
      }),
      { numRuns: RUNS },
    )
  })
})
