import { http, HttpResponse, delay } from 'msw'
import { describe, expect, it } from 'vitest'
import {
  ApiError,
  ConnectionError,
  InternalServerError,
  RateLimitError,
  ResponseValidationError,
  TimeoutError,
} from '../../src/index.js'
import { BASE_URL, SAMPLE_APPROVAL, seedApprovalAgent, server, useMockApi } from './harness.js'

const APPROVALS = `${BASE_URL}/api/v1/approvals`
const ID = SAMPLE_APPROVAL.id
const approval = SAMPLE_APPROVAL

describe('transport: what the client does with what servers really send', () => {
  const api = useMockApi('standard')

  it('sends the key, workspace and JSON headers', async () => {
    await api.client({ workspaceId: api.mock.store.defaults.workspaceId }).approvals.list()
    const request = api.sent[0]
    expect(request?.headers.get('x-api-key')).toBe(api.mock.store.defaults.apiKey)
    expect(request?.headers.get('x-workspace-id')).toBe(api.mock.store.defaults.workspaceId)
    expect(new URL(request?.url ?? '').pathname).toBe('/api/v1/approvals')
  })

  it('keeps a path prefix of the baseUrl (a proxy mounted under a path)', async () => {
    server.use(http.get(`${BASE_URL}/proxy/api/v1/approvals/${ID}`, () => HttpResponse.json({ data: approval })))
    const found = await api.client({ baseUrl: `${BASE_URL}/proxy/` }).approvals.get(ID)
    expect(found.id).toBe(ID)
  })

  it('unknown fields and unknown statuses pass through', async () => {
    server.use(
      http.get(`${APPROVALS}/${ID}`, () =>
        HttpResponse.json({ data: { ...approval, status: 'escalated', priority: 'high' }, message: 'ok' }),
      ),
    )
    const found = await api.client().approvals.get(ID)
    expect(found.status).toBe('escalated')
    expect((found as Record<string, unknown>)['priority']).toBe('high')
  })

  it('a response that breaks the contract is a ResponseValidationError naming the field', async () => {
    server.use(http.get(`${APPROVALS}/${ID}`, () => HttpResponse.json({ data: { ...approval, checkpoint_name: 7 } })))
    const error = await api.client().approvals.get(ID).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ResponseValidationError)
    expect((error as Error).message).toContain('data.checkpoint_name: expected string')
    // JSON of the wrong shape is the server's problem, not the network's.
    expect((error as ResponseValidationError).notJson).toBe(false)
  })

  it('a body that is not JSON is a ResponseValidationError, not a crash', async () => {
    server.use(http.get(`${APPROVALS}/${ID}`, () => new HttpResponse('{"data": ', { headers: { 'content-type': 'application/json' } })))
    const error = await api.client().approvals.get(ID).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ResponseValidationError)
    expect((error as ResponseValidationError).notJson).toBe(true)
    expect((error as ResponseValidationError).status).toBe(200)
    expect((error as Error).message).toContain('the body is not valid JSON (application/json)')
  })

  it.each([
    ['structured', { error: { code: 'not_allowed', message: 'Workspace is frozen', details: { until: 'x' } } }, 'not_allowed'],
    ['short', { error: 'Workspace is frozen' }, undefined],
    ['bare', { message: 'Workspace is frozen' }, undefined],
  ])('reads the %s error body shape', async (_shape, body, code) => {
    server.use(http.get(APPROVALS, () => HttpResponse.json(body, { status: 422, headers: { 'x-request-id': 'req_123' } })))
    const error = (await api.client().approvals.list().catch((caught: unknown) => caught)) as ApiError
    expect(error).toBeInstanceOf(ApiError)
    expect(error.name).toBe('UnprocessableEntityError')
    expect(error.message).toContain('Workspace is frozen')
    expect(error.code).toBe(code)
    expect(error.requestId).toBe('req_123')
  })

  it('a proxy\'s HTML error page is a typed error after retries', async () => {
    let calls = 0
    server.use(
      http.get(APPROVALS, () => {
        calls += 1
        return new HttpResponse('<html><body>502 Bad Gateway</body></html>', { status: 502, headers: { 'content-type': 'text/html' } })
      }),
    )
    const error = await api.client({ maxRetries: 1 }).approvals.list().catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(InternalServerError)
    expect((error as ApiError).status).toBe(502)
    expect((error as Error).message).toContain('text/html')
    expect(calls).toBe(2)
  })

  it('retries a 503 and succeeds, keeping the POST\'s Idempotency-Key', async () => {
    const agent = seedApprovalAgent(api.mock)
    const keys: (string | null)[] = []
    server.use(
      http.post(`${BASE_URL}/api/v1/agents/:id/execute`, ({ request }) => {
        keys.push(request.headers.get('idempotency-key'))
        if (keys.length === 1) return HttpResponse.json({ error: 'busy' }, { status: 503, headers: { 'retry-after': '0' } })
        return undefined // fall through to the mock
      }),
    )
    const execution = await api.client({ maxRetries: 2 }).agents.execute(agent.id, { input: { m: 1 } })
    expect(execution.status).toBe('awaiting_approval')
    expect(keys).toHaveLength(2)
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/)
    expect(keys[1]).toBe(keys[0])
  })

  it('a 429 is a RateLimitError with retryAfter in seconds, from either header form', async () => {
    server.use(http.get(APPROVALS, () => HttpResponse.json({ error: 'slow down' }, { status: 429, headers: { 'retry-after': '7' } })))
    const seconds = (await api.client().approvals.list().catch((caught: unknown) => caught)) as RateLimitError
    expect(seconds).toBeInstanceOf(RateLimitError)
    expect(seconds.retryAfter).toBe(7)

    const date = new Date(Date.now() + 30_000).toUTCString()
    server.use(http.get(APPROVALS, () => HttpResponse.json({ error: 'slow down' }, { status: 429, headers: { 'retry-after': date } })))
    const dated = (await api.client().approvals.list().catch((caught: unknown) => caught)) as RateLimitError
    expect(dated.retryAfter).toBeGreaterThanOrEqual(28)
    expect(dated.retryAfter).toBeLessThanOrEqual(31)
  })

  it('a refused connection is a ConnectionError', async () => {
    server.use(http.get(APPROVALS, () => HttpResponse.error()))
    await expect(api.client().approvals.list()).rejects.toBeInstanceOf(ConnectionError)
  })

  it('a response slower than the timeout is a TimeoutError', async () => {
    server.use(http.get(APPROVALS, async () => { await delay(2_000); return HttpResponse.json({}) }))
    await expect(api.client({ timeout: 50 }).approvals.list()).rejects.toBeInstanceOf(TimeoutError)
  })

  it('an AbortSignal cancels the call at once', async () => {
    server.use(http.get(APPROVALS, async () => { await delay(5_000); return HttpResponse.json({}) }))
    const controller = new AbortController()
    const pending = api.client().approvals.list({}, { signal: controller.signal })
    setTimeout(() => controller.abort(), 20)
    const error = await pending.then(() => undefined, (caught: unknown) => caught)
    expect((error as Error).name).toBe('AbortError')
  })
})
