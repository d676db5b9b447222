import { inspect } from 'node:util'
import { http, HttpResponse, delay } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { AuthenticationError, ConflictError, ConnectionError, Signoff, verifyWebhook } from '../../src/index.js'

const BASE = 'https://secrets.promptrails.test'
const API_KEY = 'pr_live_SECRET_KEY_5f2a9c'
const WEBHOOK_SECRET = 'whsec_U0VDUkVUX1dFQkhPT0tfU0VDUkVU'

let answer: () => Response | Promise<Response> = () => HttpResponse.json({})
const server = setupServer(http.all(`${BASE}/*`, () => answer()))
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }))
afterAll(() => server.close())
afterEach(() => server.resetHandlers())

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

  // A server, or a proxy in front of it, that echoes what it was sent: the key in its error
  // text, its headers, its details, an HTML page, or a body quoted by the JSON parser.
  const echoes: [string, () => Response | Promise<Response>][] = [
    ['message', () => HttpResponse.json({ error: { code: 'bad_key', message: `invalid key ${API_KEY}`, details: { key: API_KEY, nested: [{ sent: `x-api-key: ${API_KEY}` }] } } }, { status: 401 })],
    ['short body', () => HttpResponse.json({ error: `key ${encodeURIComponent(API_KEY)} unknown` }, { status: 403 })],
    ['header', () => HttpResponse.json({ error: 'no' }, { status: 500, headers: { 'x-echo-key': API_KEY, 'x-request-id': `req-${API_KEY}` } })],
    ['html page', () => new HttpResponse(`<html>${API_KEY} ${WEBHOOK_SECRET}</html>`, { status: 502, headers: { 'content-type': 'text/html' } })],
    ['unparseable 2xx', () => new HttpResponse(`{"key": "${API_KEY}`, { headers: { 'content-type': 'application/json' } })],
      ]

  const named = (prefix: string, list: typeof paths) => list.map(([name, respond]) => [`${prefix} ${name}`, respond] as const)
  it.each([...named('a plain', paths), ...named('a server echoing the key in its', echoes)])('%s: the error holds no key, in any rendering', async (_name, respond) => {
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

  it('a conflict whose read-back approval holds the key carries it blanked', async () => {
    const approval = { id: 'abc', execution_id: 'e', agent_id: 'a', checkpoint_name: 'c', status: 'approved', created_at: '2026-01-01T00:00:00Z', reason: `pasted ${API_KEY}`, payload: { note: API_KEY } }
    answer = () => HttpResponse.json({ error: 'approval has already been decided' }, { status: 409 })
    server.use(http.get(`${BASE}/api/v1/approvals/abc`, () => HttpResponse.json({ data: approval })))
    const error = (await client.approvals.decide('abc', { decision: 'approved' }).catch((caught: unknown) => caught)) as ConflictError
    expect(error).toBeInstanceOf(ConflictError)
    expect(error.approval?.reason).toBe('pasted [redacted]')
    expectNoSecret(error)
  })

  it('a custom fetch whose error quotes the key: the cause is kept, the key is not', async () => {
    const leaky = new Signoff({
      apiKey: API_KEY,
      baseUrl: BASE,
      maxRetries: 0,
      fetch: () => Promise.reject(new TypeError('fetch failed', { cause: Object.assign(new Error(`proxy refused ${API_KEY}`), { code: 'ECONNREFUSED' }) })),
    })
    const error = (await leaky.approvals.get('abc').catch((caught: unknown) => caught)) as Error
    expect(error).toBeInstanceOf(ConnectionError)
    expect((error.cause as Error).cause).toMatchObject({ code: 'ECONNREFUSED', message: 'proxy refused [redacted]' })
    expectNoSecret(error)
  })

  it('a credential header given to the client is blanked like the key', async () => {
    const token = 'gateway_TOKEN_77c1'
    const gateway = new Signoff({ baseUrl: BASE, maxRetries: 0, headers: { authorization: `Bearer ${token}` } })
    answer = () => HttpResponse.json({ error: `bad authorization: Bearer ${token}` }, { status: 401 })
    const error = await gateway.approvals.get('abc').catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(AuthenticationError)
    expect(renderings(error)).not.toContain(token)
  })

  it('a secret echoed URL-encoded or JSON-escaped is blanked too', async () => {
    // A webhook secret is base64 (+, / and = change when URL-encoded); a key may hold a quote,
    // which JSON escapes.
    const secret = 'whsec_++++////ECAwQFBgcICQoLDA0ODw+/8='
    const quotedKey = 'pr_live_"quoted"_key'
    const echoing = new Signoff({ apiKey: quotedKey, webhookSecret: secret, baseUrl: BASE, maxRetries: 0 })
    const encoded = encodeURIComponent(secret.slice('whsec_'.length))
    answer = () => new HttpResponse(`{"error": {"message": "got ${encoded} and ${JSON.stringify(quotedKey).slice(1, -1)}"}}`, { status: 400, headers: { 'content-type': 'application/json' } })
    const error = await echoing.approvals.get('abc').catch((caught: unknown) => caught)
    expect((error as Error).message).toBe('approvals.get: 400 got [redacted] and [redacted]')
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
