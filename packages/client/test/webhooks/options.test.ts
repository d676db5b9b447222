// Options are checked when a verifier is made, and a bad one is refused, never read leniently.
import { describe, expect, it } from 'vitest'
import { InvalidRequestError, Signoff, createWebhookVerifier, verifyWebhook } from '../../src/index.js'
import { NOW, OTHER_SECRET, SECRET, decidedBody, signWithReference } from './fixtures.js'

const YEAR_MS = 365 * 24 * 3600_000

function refusal(make: () => unknown): InvalidRequestError {
  try {
    make()
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidRequestError)
    return error as InvalidRequestError
  }
  throw new Error('expected an InvalidRequestError')
}

const MALFORMED = ['whsec_not*base64!', 'whsec_abc', 'whsec_', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS', 'whsec_MfKQ9r8GKYqrTwjUPD8I LPZIo2LaLaSw', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLa-_']

describe('webhook secrets are checked when the verifier is made', () => {
  it.each(MALFORMED)('refuses %j, without repeating it', (secret) => {
    const error = refusal(() => createWebhookVerifier({ secret }))
    expect(error.issues.map((issue) => issue.path)).toEqual([['secret']])
    expect(error.message).toMatch(/^createWebhookVerifier: secret: the webhook secret must be "whsec_" followed by the base64 key/)
    const shown = `${String(error)} ${error.stack ?? ''} ${JSON.stringify(error)}`
    const key = secret.slice('whsec_'.length)
    if (key.length > 0) expect(shown).not.toContain(key)
  })

  it('refuses a rotation list with one bad entry, naming the entry', () => {
    const error = refusal(() => createWebhookVerifier({ secret: [SECRET, 'whsec_not*base64!', OTHER_SECRET] }))
    expect(error.issues.map((issue) => issue.path)).toEqual([['secret', 1]])
    expect(error.message).not.toContain('not*base64')
    expect(refusal(() => createWebhookVerifier({ secret: [] })).issues.map((issue) => issue.path)).toEqual([['secret']])
  })

  it('refuses a malformed webhookSecret when the client is made', () => {
    const error = refusal(() => new Signoff({ webhookSecret: 'whsec_not*base64!' }))
    expect(error.message).toMatch(/^new Signoff: webhookSecret: /)
    expect(error.message).not.toContain('not*base64')
  })

  it('verifyWebhook rejects a malformed secret before looking at the message', async () => {
    const body = decidedBody()
    await expect(verifyWebhook(body, signWithReference(body), { secret: [SECRET, 'whsec_abc'], now: () => NOW })).rejects.toBeInstanceOf(InvalidRequestError)
  })
})

describe('verification options', () => {
  it.each([Number.NaN, '300', Number.POSITIVE_INFINITY, -1, null, 86_401, 1e300])('refuses toleranceSeconds %s', (toleranceSeconds) => {
    const error = refusal(() => createWebhookVerifier({ secret: SECRET, toleranceSeconds: toleranceSeconds as number }))
    expect(error.issues.map((issue) => issue.path)).toEqual([['toleranceSeconds']])
  })

  it('never accepts a year-old message whatever toleranceSeconds is given', async () => {
    const body = decidedBody()
    const old = signWithReference(body)
    for (const toleranceSeconds of [Number.NaN, '300'] as unknown as number[]) {
      const verdict = await verifyWebhook(body, old, { secret: SECRET, now: () => NOW + YEAR_MS, toleranceSeconds }).then(() => 'accepted', (error: unknown) => error)
      expect(verdict).toBeInstanceOf(InvalidRequestError)
    }
  })

  it('refuses a now that is not a function and a payloadSchema that is not a Standard Schema', () => {
    expect(refusal(() => createWebhookVerifier({ secret: SECRET, now: 5 as unknown as () => number })).issues.map((issue) => issue.path)).toEqual([['now']])
    expect(refusal(() => createWebhookVerifier({ secret: SECRET, payloadSchema: {} as never })).issues.map((issue) => issue.path)).toEqual([['payloadSchema']])
  })

  it('a verifier made once checks many messages', async () => {
    const verifier = createWebhookVerifier({ secret: [OTHER_SECRET, SECRET], now: () => NOW })
    for (const id of ['msg_1', 'msg_2', 'msg_3']) {
      const body = decidedBody()
      const event = await verifier.unwrap(body, signWithReference(body, { id }))
      expect(event.type).toBe('approval.decided')
    }
  })
})
