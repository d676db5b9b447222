import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { InvalidRequestError, ResponseValidationError, Signoff, TimeoutError } from '../../src/index.js'
import { MAX_TIMER_MS } from '../../src/core/timers.js'
import { BASE_URL, SAMPLE_APPROVAL, seedApprovalAgent, server, useMockApi } from '../contract/harness.js'

const APPROVAL_URL = `${BASE_URL}/api/v1/approvals/${SAMPLE_APPROVAL.id}`

function constructionError(options: ConstructorParameters<typeof Signoff>[0]): InvalidRequestError {
  try {
    new Signoff(options)
  } catch (error) {
    if (error instanceof InvalidRequestError) return error
    throw error
  }
  throw new Error('the options were accepted')
}

/** Answers the approval's GET with its headers and the start of a body that never ends. */
function serveStalledBody(): void {
  server.use(http.get(APPROVAL_URL, () => {
    const stalled = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"data": '))
      },
    })
    return new HttpResponse(stalled, { headers: { 'content-type': 'application/json' } })
  }))
}

describe('client hardening', () => {
  const api = useMockApi('standard')
  afterEach(() => vi.restoreAllMocks())

  it.each([
    ['a line feed', 'pr_live_SECRET\nX-Evil: 1'],
    ['a carriage return', 'pr_live_SECRET\r'],
    ['a NUL', 'pr_live_SECRET\0'],
    ['a character beyond Latin-1', 'pr_live_SECRET\u2028'],
  ])('an API key with %s is an InvalidRequestError naming apiKey, not quoting it', (_name, apiKey) => {
    const error = constructionError({ apiKey })
    expect(error.message).toMatch(/apiKey must not contain line breaks/)
    expect(error.issues[0]?.path).toEqual(['apiKey'])
    expect(`${error.message}${error.stack ?? ''}`).not.toContain('SECRET')
  })

  it('bad header values in workspaceId and headers name the option and the header, never the value', () => {
    expect(constructionError({ workspaceId: 'ws\n1' }).message).toMatch(/workspaceId must not contain line breaks/)
    const error = constructionError({ headers: { 'x-token': 'tok_SECRET\r\n' } })
    expect(error.message).toMatch(/headers\["x-token"\] must not contain line breaks/)
    expect(error.message).not.toContain('SECRET')
    expect(constructionError({ headers: { 'bad name': 'x' } }).message).toMatch(/not a valid HTTP token/)
  })

  it.each([
    ['a query', 'https://gateway.example/promptrails?code=abc', /baseUrl must not have a query/],
    ['a fragment', 'https://gateway.example/promptrails#part', /baseUrl must not have a fragment/],
    ['no scheme', 'localhost:4010', /starting with https:\/\/ or http:\/\//],
    ['another scheme', 'ftp://api.example', /starting with https:\/\/ or http:\/\//],
    ['credentials', 'https://user:code=abc@gateway.example', /baseUrl must not hold a user name or password/],
  ])('a baseUrl with %s is refused, naming baseUrl but not its value', (_name, baseUrl, message) => {
    const error = constructionError({ baseUrl })
    expect(error.message).toMatch(message)
    expect(error.issues[0]?.path).toEqual(['baseUrl'])
    expect(error.message).not.toContain('code=abc')
  })

  it('a baseUrl path is kept and a trailing slash does not double', async () => {
    server.use(http.get(`${BASE_URL}/gateway/api/v1/approvals/${SAMPLE_APPROVAL.id}`, () => HttpResponse.json({ data: SAMPLE_APPROVAL })))
    expect((await api.client({ baseUrl: `${BASE_URL}/gateway//` }).approvals.get(SAMPLE_APPROVAL.id)).id).toBe(SAMPLE_APPROVAL.id)
  })

  it('a huge Retry-After never becomes a timer past 2^31 - 1 ms, nor a wait past a minute', async () => {
    server.use(http.get(APPROVAL_URL, () => HttpResponse.json({ error: 'slow down' }, { status: 429, headers: { 'retry-after': '99999999' } })))
    const delays: number[] = []
    const controller = new AbortController()
    const original = globalThis.setTimeout
    vi.spyOn(globalThis, 'setTimeout').mockImplementation(((handler: () => void, ms?: number, ...rest: unknown[]) => {
      delays.push(ms ?? 0)
      // The retry's wait is the only long timer of the call: seen it, stop the call.
      if ((ms ?? 0) > 30_000) queueMicrotask(() => controller.abort())
      return original(handler, ms, ...rest)
    }) as typeof setTimeout)
    const error = await api.client({ maxRetries: 1, totalTimeout: false }).approvals.get(SAMPLE_APPROVAL.id, { signal: controller.signal }).catch((caught: unknown) => caught)
    expect((error as Error).name).toBe('AbortError')
    expect(Math.max(...delays)).toBeLessThanOrEqual(60_000)
    expect(delays.every((ms) => ms <= MAX_TIMER_MS)).toBe(true)
    expect(delays.some((ms) => ms === 60_000)).toBe(true)
  })

  it('timeout covers reading the body: headers followed by a stalled body end in a TimeoutError', async () => {
    serveStalledBody()
    const client = api.client({ timeout: 100, totalTimeout: false, maxRetries: 1 })
    const error = await client.approvals.get(SAMPLE_APPROVAL.id).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(TimeoutError)
    expect((error as Error).message).toContain('body did not arrive in time')
  })

  it("the caller's signal ends a call whose body stalls, long before its timeout", async () => {
    serveStalledBody()
    const caller = new AbortController()
    // Aborts in the first task after the headers came: the client then waits on the body alone.
    const abortOnceHeadersCame = async (input: Request | URL | string, init?: RequestInit) => {
      const response = await fetch(input, init)
      setTimeout(() => caller.abort(), 0)
      return response
    }
    const client = api.client({ timeout: 600_000, totalTimeout: false, fetch: abortOnceHeadersCame })
    const error = await client.approvals.get(SAMPLE_APPROVAL.id, { signal: caller.signal }).catch((caught: unknown) => caught)
    expect(error).toBe(caller.signal.reason)
  })

  it('execute checks that the execution is of the agent asked for', async () => {
    const agent = seedApprovalAgent(api.mock)
    const other = seedApprovalAgent(api.mock, 'other')
    const theirs = await api.client().agents.execute(other.id, { input: { m: 1 } })
    server.use(http.post(`${BASE_URL}/api/v1/agents/:id/execute`, () => HttpResponse.json({ data: theirs }, { status: 201 })))
    const error = await api.client().agents.execute(agent.id, { input: { m: 2 } }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ResponseValidationError)
    expect((error as Error).message).toMatch(/data\.agent_id: expected .* the agent_id asked for/)
  })

  it('for await ends against a server that echoes ?page and overstates total_pages', async () => {
    let requests = 0
    server.use(http.get(`${BASE_URL}/api/v1/approvals`, ({ request }) => {
      requests += 1
      const page = Number(new URL(request.url).searchParams.get('page'))
      const data = [SAMPLE_APPROVAL, { ...SAMPLE_APPROVAL, id: 'second' }]
      return HttpResponse.json({ data, meta: { total: 6_000, page, limit: 2, total_pages: 3_000 } })
    }))
    const seen: string[] = []
    for await (const approval of api.client().approvals.list({ limit: 2 })) seen.push(approval.id)
    expect(seen).toEqual([SAMPLE_APPROVAL.id, 'second'])
    expect(requests).toBe(2)
  })
})
