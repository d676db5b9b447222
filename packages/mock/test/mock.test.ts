import { ApprovalRequestSchema, ExecutionSchema, dataEnvelope, listEnvelope } from '@signoff/schemas'
import { describe, expect, it } from 'vitest'
import { createMockApi, type MockApiCore as MockApi, type MockEvent } from '../src/index.js'
import { startMockServer } from '../src/node.js'

const BASE = 'https://api.promptrails.ai/api/v1'

function call(mock: MockApi, method: string, path: string, body?: unknown, key = mock.store.defaults.apiKey) {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (key) headers['x-api-key'] = key
  return mock.fetch(new Request(`${BASE}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }))
}

function gatedAgent(mock: MockApi, extra: Record<string, unknown> = {}) {
  return mock.store.createAgent({ name: 'Gated', config: { approval_required: true, checkpoint_name: 'review', ...extra } })
}

describe('the mock approval flow', () => {
  it('answers with bodies that match the shared schemas', async () => {
    const mock = createMockApi()
    const agent = gatedAgent(mock)
    const executed = await (await call(mock, 'POST', `/agents/${agent.id}/execute`, { input: { message: 'hi' } })).json()
    expect(dataEnvelope(ExecutionSchema).safeParse(executed).success).toBe(true)
    const list = await (await call(mock, 'GET', '/approvals')).json()
    expect(listEnvelope(ApprovalRequestSchema).safeParse(list).success).toBe(true)
  })

  it('fires awaiting_approval then decided, with the approval and its execution', async () => {
    const mock = createMockApi()
    const events: MockEvent[] = []
    mock.store.onEvent((event) => events.push(event))
    const agent = gatedAgent(mock)
    await call(mock, 'POST', `/agents/${agent.id}/execute`, { input: { message: 'hi' } })
    const [approval] = mock.store.listApprovals()
    await call(mock, 'POST', `/approvals/${approval?.id}/decide`, { decision: 'approved' })
    expect(events.map((event) => [event.type, event.data.execution.status])).toEqual([
      ['execution.awaiting_approval', 'awaiting_approval'],
      ['approval.decided', 'completed'],
    ])
    expect(events[1]?.data.approval.status).toBe('approved')
  })

  it('expires an approval past expires_at: the run fails with "approval expired"', async () => {
    let now = Date.parse('2026-11-25T12:00:00Z')
    const mock = createMockApi({ clock: () => new Date(now) })
    const events: string[] = []
    mock.store.onEvent((event) => events.push(event.type))
    const agent = gatedAgent(mock, { approval_expires_in_seconds: 60 })
    await call(mock, 'POST', `/agents/${agent.id}/execute`, { input: { message: 'hi' } })
    const [approval] = mock.store.listApprovals()
    expect(approval?.expires_at).toBe('2026-11-25T12:01:00.000Z')
    now += 59_000
    expect(mock.store.getApproval(approval?.id ?? '')?.status).toBe('pending')
    now += 1_000
    expect(mock.store.getApproval(approval?.id ?? '')?.status).toBe('expired')
    expect(mock.store.getExecution(approval?.execution_id ?? '')).toMatchObject({ status: 'failed', error: 'approval expired' })
    const late = await call(mock, 'POST', `/approvals/${approval?.id}/decide`, { decision: 'approved' })
    expect(late.status).toBe(409)
    expect(events).toEqual(['execution.awaiting_approval', 'approval.expired'])
  })

  it('expires approvals in the order they fall due, not the order they were made; a decided one never expires', async () => {
    let now = Date.parse('2026-11-25T12:00:00Z')
    const mock = createMockApi({ clock: () => new Date(now) })
    const slow = mock.store.execute(gatedAgent(mock, { approval_expires_in_seconds: 120 }).id, { message: 'slow' })
    const quick = mock.store.execute(gatedAgent(mock, { approval_expires_in_seconds: 60 }).id, { message: 'quick' })
    const decided = mock.store.execute(gatedAgent(mock, { approval_expires_in_seconds: 30 }).id, { message: 'decided' })
    const approvalOf = (executionId: string) => mock.store.listApprovals({ execution_id: executionId })[0]
    await call(mock, 'POST', `/approvals/${approvalOf(decided.id)?.id}/decide`, { decision: 'approved' })
    const statuses = () => [slow, quick, decided].map((execution) => approvalOf(execution.id)?.status)
    now += 60_000
    expect(statuses()).toEqual(['pending', 'expired', 'approved'])
    now += 60_000
    expect(statuses()).toEqual(['expired', 'expired', 'approved'])
    expect(mock.store.listApprovals({ status: 'expired' })).toHaveLength(2)
  })

  it('store reads are copies that cannot change the state', () => {
    const mock = createMockApi()
    const agent = mock.store.createAgent({ name: 'Original' })
    agent.name = 'Changed'
    expect(mock.store.getAgent(agent.id)?.name).toBe('Original')
  })

  it('logs requests for tests, and can forget them', async () => {
    const mock = createMockApi()
    await call(mock, 'GET', '/approvals?status=pending')
    expect(mock.requests).toEqual([{ method: 'GET', path: '/api/v1/approvals?status=pending', status: 200 }])
    mock.clearRequests()
    expect(mock.requests).toEqual([])
  })

  it('keeps only the last requestLogLimit requests', async () => {
    const mock = createMockApi({ requestLogLimit: 3 })
    for (let page = 1; page <= 8; page++) await call(mock, 'GET', `/approvals?page=${page}`)
    expect(mock.requests.map((request) => request.path)).toEqual(['/api/v1/approvals?page=6', '/api/v1/approvals?page=7', '/api/v1/approvals?page=8'])
  })
})

describe.each(['standard', 'emulator', 'newer'] as const)('the %s dialect', (quirks) => {
  it('spells list meta as the dialect does and refuses a limit over 100 as it does', async () => {
    const mock = createMockApi({ quirks })
    const body = (await (await call(mock, 'GET', '/approvals')).json()) as { meta: Record<string, unknown> }
    expect(Object.keys(body.meta).sort()).toEqual(['limit', 'page', quirks === 'newer' ? 'pages' : 'total_pages', 'total'].sort())
    const most = await call(mock, 'GET', '/approvals?limit=100')
    expect(((await most.json()) as { meta: { limit: number } }).meta.limit).toBe(100)
    // contract.md: "limit is at most 100"; the emulator alone resets a larger limit to 20.
    const large = await call(mock, 'GET', '/approvals?limit=101')
    if (quirks === 'emulator') {
      expect(((await large.json()) as { meta: { limit: number } }).meta.limit).toBe(20)
      return
    }
    expect(large.status).toBe(400)
    expect(await large.json()).toEqual({ error: { code: 'validation_error', message: 'limit must be at most 100' } })
  })

  it('answers a repeated decision as the dialect does', async () => {
    const mock = createMockApi({ quirks })
    const agent = gatedAgent(mock)
    await call(mock, 'POST', `/agents/${agent.id}/execute`, { input: { message: 'hi' } })
    const [approval] = mock.store.listApprovals()
    await call(mock, 'POST', `/approvals/${approval?.id}/decide`, { decision: 'rejected' })
    const again = await call(mock, 'POST', `/approvals/${approval?.id}/decide`, { decision: 'rejected' })
    expect(again.status).toBe(quirks === 'emulator' ? 400 : 409)
    const body = await again.json()
    expect(body).toEqual(
      quirks === 'emulator'
        ? { error: { code: 'bad_request', message: 'approval has already been decided' } }
        : { error: { code: 'conflict', message: 'approval has already been decided' } },
    )
  })

  it('rejects an unknown decision and a broken body with 400', async () => {
    const mock = createMockApi({ quirks })
    const agent = gatedAgent(mock)
    await call(mock, 'POST', `/agents/${agent.id}/execute`, { input: { message: 'hi' } })
    const [approval] = mock.store.listApprovals()
    expect((await call(mock, 'POST', `/approvals/${approval?.id}/decide`, { decision: 'maybe' })).status).toBe(400)
    const broken = await mock.fetch(new Request(`${BASE}/approvals/${approval?.id}/decide`, {
      method: 'POST', headers: { 'x-api-key': mock.store.defaults.apiKey }, body: '{"decision":',
    }))
    expect(broken.status).toBe(400)
    expect(mock.store.getApproval(approval?.id ?? '')?.status).toBe('pending')
  })

  it('answers unknown routes with a bare framework 404', async () => {
    const mock = createMockApi({ quirks })
    const response = await call(mock, 'GET', '/nothing-here')
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({ message: 'Not Found' })
  })
})

describe('startMockServer', () => {
  it('serves the same API over real HTTP on 127.0.0.1 with KSUID ids, and closes', async () => {
    const server = await startMockServer()
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      const agent = gatedAgent(server.mock)
      expect(agent.id).toMatch(/^[0-9A-Za-z]{27}$/)
      const response = await fetch(`${server.url}/api/v1/agents/${agent.id}/execute`, {
        method: 'POST',
        headers: { 'x-api-key': server.mock.store.defaults.apiKey, 'content-type': 'application/json' },
        body: JSON.stringify({ input: { message: 'over http' } }),
      })
      expect(response.status).toBe(201)
      expect(server.mock.store.listApprovals()).toHaveLength(1)
    } finally {
      await server.close()
    }
    await expect(fetch(`${server.url}/api/v1/approvals`)).rejects.toThrow()
  })
})
