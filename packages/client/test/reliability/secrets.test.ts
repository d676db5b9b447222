import { inspect } from 'node:util'
import { http, HttpResponse, delay } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { Signoff, verifyWebhook } from '../../src/index.js'

const BASE = 'https://secrets.promptrails.test'
const API_KEY = 'pr_live_SECRET_KEY_5f2a9c'
const WEBHOOK_SECRET = 'whsec_U0VDUkVUX1dFQkhPT0tfU0VDUkVU'

let answer: () => Response | Promise<Response> = () => HttpResponse.json({})
const server = setupServer(http.all(`${BASE}/*`, () => answer()))
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }))
afterAll(() => server.close())

/** Every way a person or a logger could see an error or a client. */
function renderings(value: unknown): string {
  const error = value as { message?: unknown; stack?: unknown; cause?: unknown }
  return [String(value), String(error.message), String(error.stack), JSON.stringify(value), inspect(value, { depth: 10, showHidden: true }), inspect(error.cause, { depth: 10 })].join('\n')
}

function expectNoSecret(value: unknown) {
  const text = renderings(value)
  expect(text).not.toContain(API_KEY)
  expect(text).not.toContain(WEBHOOK_SECRET)
  expect(text).not.toContain(WEBHOOK_SECRET.slice('whsec_'.length))
}

const client = new Signoff({ apiKey: API_KEY, webhookSecret: WEBHOOK_SECRET, baseUrl: BASE, maxRetries: 0, timeout: 100 })

describe('secrets never leave the client', () => {
  it('the client itself, logged or serialised, shows no key', () => {
    expectNoSecret(client)
  })

  const paths: [string, () => Response | Promise<Response>][] = [
    ['400', () => HttpResponse.json({ error: { code: 'bad', message: 'bad' } }, { status: 400 })],
    ['401', () => HttpResponse.json({ error: 'invalid key' }, { status: 401 })],
    ['403', () => HttpResponse.json({ message: 'forbidden' }, { status: 403 })],
    ['404', () => HttpResponse.json({ error: 'nope' }, { status: 404 })],
    ['409', () => HttpResponse.json({ error: 'approval has already been decided' }, { status: 409 })],
    ['429', () => HttpResponse.json({ error: 'slow' }, { status: 429, headers: { 'retry-after': '9' } })],
    ['500 html', () => new HttpResponse('<html>500</html>', { status: 500, headers: { 'content-type': 'text/html' } })],
    ['broken contract', () => HttpResponse.json({ data: { id: 5 } })],
    ['not json', () => new HttpResponse('{"da', { headers: { 'content-type': 'application/json' } })],
    ['connection reset', () => HttpResponse.error()],
    ['timeout', async () => { await delay(1_000); return HttpResponse.json({}) }],
  ]

  it.each(paths)('a %s error holds no key, in any rendering', async (_name, respond) => {
    answer = respond
    const errors = await Promise.all([
      client.approvals.get('abc').catch((caught: unknown) => caught),
      client.approvals.decide('abc', { decision: 'approved' }).catch((caught: unknown) => caught),
    ])
    for (const error of errors) {
      expect(error).toBeInstanceOf(Error)
      expectNoSecret(error)
    }
  })

  it('invalid input and bad options hold no key or secret', async () => {
    expectNoSecret(await client.approvals.get('a/b').catch((caught: unknown) => caught))
    let construction: unknown
    try {
      new Signoff({ apiKey: API_KEY, webhookSecret: WEBHOOK_SECRET, timeout: -5 })
    } catch (error) {
      construction = error
    }
    expect(construction).toBeInstanceOf(Error)
    expectNoSecret(construction)
  })

  it('webhook failures hold no secret, and nothing is logged', async () => {
    const log = vi.spyOn(console, 'log')
    const warn = vi.spyOn(console, 'warn')
    const error = vi.spyOn(console, 'error')
    const headers = { 'webhook-id': 'msg_1', 'webhook-timestamp': String(Math.floor(Date.now() / 1000)), 'webhook-signature': 'v1,AAAA' }
    expectNoSecret(await client.webhooks.unwrap('{}', headers).catch((caught: unknown) => caught))
    expectNoSecret(await verifyWebhook('{}', headers, { secret: 'whsec_%%%SECRET' }).catch((caught: unknown) => caught))
    expect([...log.mock.calls, ...warn.mock.calls, ...error.mock.calls]).toEqual([])
  })
})
