import { http, HttpResponse, delay } from 'msw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  Agents,
  Approvals,
  ConflictError,
  ConnectionError,
  Executions,
  InvalidRequestError,
  ResponseValidationError,
  TimeoutError,
  isConflictError,
} from '../../src/index.js'
import { BASE_URL, SAMPLE_APPROVAL, seedApprovalAgent, server, useMockApi } from './harness.js'

const APPROVALS = `${BASE_URL}/api/v1/approvals`
const ID = SAMPLE_APPROVAL.id
const approval = SAMPLE_APPROVAL

describe('one request path: responses, per-call options, parsing, causes', () => {
  const api = useMockApi('standard')
  afterEach(() => vi.restoreAllMocks())

  async function pendingApproval() {
    const agent = seedApprovalAgent(api.mock)
    const execution = await api.client().agents.execute(agent.id, { input: { message: 'a' } })
    return api.client().executions.pending_approval(execution.id)
  }

  it('withResponse() gives the data, the raw response and the request id, for every kind of call', async () => {
    server.use(http.get(`${APPROVALS}/${ID}`, () => HttpResponse.json({ data: approval }, { headers: { 'x-request-id': 'req_42' } })))
    const got = await api.client().approvals.get(ID).withResponse()
    expect(got.data).toMatchObject({ id: ID })
    expect(got.response.status).toBe(200)
    expect(got.requestId).toBe('req_42')

    const pending = await pendingApproval()
    const decided = await api.client().approvals.decide(pending.id, { decision: 'approved' }).withResponse()
    expect(decided.data.status).toBe('approved')
    expect(decided.response.ok).toBe(true)
    const page = await api.client().approvals.list().withResponse()
    expect(page.data.data.map((item) => item.id)).toEqual([pending.id])
    expect(page.response.status).toBe(200)
  })

  it('a per-call timeout overrides the client\'s', async () => {
    server.use(http.get(`${APPROVALS}/${ID}`, async () => { await delay(2_000); return HttpResponse.json({ data: approval }) }))
    await expect(api.client({ timeout: 30_000 }).approvals.get(ID, { timeout: 50 })).rejects.toBeInstanceOf(TimeoutError)
  })

  it('per-call maxRetries overrides the client\'s, both ways', async () => {
    let calls = 0
    server.use(http.get(`${APPROVALS}/${ID}`, () => {
      calls += 1
      return calls === 1 ? HttpResponse.json({ error: 'busy' }, { status: 503, headers: { 'retry-after': '0' } }) : HttpResponse.json({ data: approval })
    }))
    expect((await api.client({ maxRetries: 0 }).approvals.get(ID, { maxRetries: 1 })).id).toBe(ID)
    expect(calls).toBe(2)
    calls = 0
    await expect(api.client({ maxRetries: 3 }).approvals.get(ID, { maxRetries: 0 })).rejects.toMatchObject({ status: 503 })
    expect(calls).toBe(1)
  })

  it('per-call headers are added to the client\'s and override them', async () => {
    await api.client({ headers: { 'x-team': 'a', 'x-trace': 'client' } }).approvals.list({}, { headers: { 'X-Trace': 'call' } })
    expect(api.sent[0]?.headers.get('x-team')).toBe('a')
    expect(api.sent[0]?.headers.get('x-trace')).toBe('call')
  })

  it.each([
    ['an empty idempotencyKey', { idempotencyKey: '' }, /idempotencyKey must not be empty/],
    ['a timeout past what a timer can wait', { timeout: 2 ** 31 }, /timeout must be a number of milliseconds/],
    ['a negative maxRetries', { maxRetries: -1 }, /maxRetries must be an integer/],
    ['a header value with a line break', { headers: { 'x-note': 'a\r\nb' } }, /headers\["x-note"\] must not contain line breaks/],
  ])('%s is an InvalidRequestError before anything is sent', async (_name, options, message) => {
    const error = await api.client().approvals.decide(ID, { decision: 'approved' }, options).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(InvalidRequestError)
    expect((error as Error).message).toMatch(message)
    expect(api.sent).toEqual([])
  })

  it('parses each response body once, retries included', async () => {
    let calls = 0
    server.use(http.get(`${APPROVALS}/${ID}`, () => {
      calls += 1
      return calls === 1 ? HttpResponse.json({ error: 'busy' }, { status: 503, headers: { 'retry-after': '0' } }) : HttpResponse.json({ data: approval })
    }))
    const parse = vi.spyOn(JSON, 'parse')
    await api.client({ maxRetries: 2 }).approvals.get(ID)
    // One parse of the 503's error body, one of the 200's body.
    expect(parse).toHaveBeenCalledTimes(2)
  })

  it('a 2xx body that is not JSON is retried, and the good body is parsed once', async () => {
    let calls = 0
    server.use(http.get(`${APPROVALS}/${ID}`, () => {
      calls += 1
      return calls === 1 ? new HttpResponse('{"data": ', { headers: { 'content-type': 'application/json' } }) : HttpResponse.json({ data: approval })
    }))
    const parse = vi.spyOn(JSON, 'parse')
    expect((await api.client({ maxRetries: 2 }).approvals.get(ID)).id).toBe(ID)
    expect(calls).toBe(2)
    const succeeded = parse.mock.results.filter((result) => result.type === 'return')
    expect(succeeded).toHaveLength(1)
  })

  it('a ConnectionError keeps what the runtime said as its cause', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' })
    const client = api.client({ fetch: () => Promise.reject(new TypeError('fetch failed', { cause: refused })) })
    const error = (await client.approvals.get(ID).catch((caught: unknown) => caught)) as ConnectionError
    expect(error).toBeInstanceOf(ConnectionError)
    expect(error.cause).toMatchObject({ name: 'TypeError', message: 'fetch failed' })
    expect((error.cause as Error).cause).toMatchObject({ code: 'ECONNREFUSED' })
  })

  it('an unparseable body\'s error keeps the parser\'s complaint as its cause', async () => {
    server.use(http.get(`${APPROVALS}/${ID}`, () => new HttpResponse('<html>', { headers: { 'content-type': 'text/html' } })))
    const error = (await api.client().approvals.get(ID).catch((caught: unknown) => caught)) as ResponseValidationError
    expect(error).toBeInstanceOf(ResponseValidationError)
    expect(error.cause).toBeInstanceOf(Error)
  })

  it('when decide\'s read-back fails, its error keeps the ConflictError as cause', async () => {
    const pending = await pendingApproval()
    await api.client().approvals.decide(pending.id, { decision: 'rejected', reason: 'no' })
    server.use(http.get(`${APPROVALS}/:id`, () => HttpResponse.error()))
    const error = (await api.client().approvals.decide(pending.id, { decision: 'approved' }).catch((caught: unknown) => caught)) as Error
    expect(error).toBeInstanceOf(ConnectionError)
    expect(error.cause).toBeInstanceOf(ConflictError)
    expect(isConflictError(error.cause)).toBe(true)
  })

  it('an answer about another approval than the one asked for is not success', async () => {
    const pending = await pendingApproval()
    server.use(http.post(`${APPROVALS}/:id/decide`, () => HttpResponse.json({ data: { ...approval, status: 'approved' } })))
    const error = await api.client().approvals.decide(pending.id, { decision: 'approved' }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ResponseValidationError)
    expect((error as Error).message).toContain('data.id')
  })

  it('a resource built alone works like the one on the client', async () => {
    const pending = await pendingApproval()
    const approvals = new Approvals({ apiKey: api.mock.store.defaults.apiKey, baseUrl: BASE_URL, dangerouslyAllowBrowser: true })
    expect((await approvals.list({ status: 'pending' })).data.map((item) => item.id)).toEqual([pending.id])
    expect((await approvals.decide(pending.id, { decision: 'approved' })).status).toBe('approved')
    const executions = new Executions({ apiKey: api.mock.store.defaults.apiKey, baseUrl: BASE_URL, dangerouslyAllowBrowser: true })
    expect((await executions.get(pending.execution_id)).status).toBe('completed')
    expect(() => new Agents({ baseUrl: 'localhost:4010' })).toThrow(InvalidRequestError)
  })
})
