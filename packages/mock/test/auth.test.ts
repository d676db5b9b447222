import { describe, expect, it } from 'vitest'
import { createMockApi, type Scope } from '../src/index.js'
import { call, json, runGated } from './mock-helpers.js'

describe('authentication and scopes', () => {
  it('answers 401 without a key and with an unknown key', async () => {
    const mock = createMockApi()
    const missing = await call(mock, 'GET', '/approvals', { key: null })
    expect(missing.status).toBe(401)
    expect(await json(missing)).toEqual({ error: { code: 'unauthorized', message: 'missing or invalid API key' } })
    expect((await call(mock, 'GET', '/approvals', { key: 'pr_key_nobody' })).status).toBe(401)
  })

  it('answers 401 in the short error shape when errorBodies asks for it, and bare with bare', async () => {
    const short = createMockApi({ errorBodies: 'short' })
    const response = await call(short, 'GET', '/approvals', { key: null })
    expect(response.status).toBe(401)
    expect(await json(response)).toEqual({ error: 'missing or invalid API key' })
    const bare = createMockApi({ dialect: 'emulator', errorBodies: 'bare' })
    expect(await json(await call(bare, 'GET', '/approvals/nope'))).toEqual({ message: 'approval not found' })
  })

  const routes: [Scope, string, string, (ids: Awaited<ReturnType<typeof runGated>>) => string, unknown?][] = [
    ['agents:read', 'GET', 'agents.list', () => '/agents'],
    ['agents:read', 'GET', 'agents.get', (ids) => `/agents/${ids.agentId}`],
    ['agents:write', 'POST', 'agents.create_version', (ids) => `/agents/${ids.agentId}/versions`, { config: {} }],
    ['agents:execute', 'POST', 'agents.execute', (ids) => `/agents/${ids.agentId}/execute`, { input: { a: 'b' } }],
    ['executions:read', 'GET', 'executions.list', () => '/executions'],
    ['executions:read', 'GET', 'executions.get', (ids) => `/executions/${ids.executionId}`],
    ['executions:read', 'GET', 'executions.pending_approval', (ids) => `/executions/${ids.executionId}/pending-approval`],
    ['approvals:read', 'GET', 'approvals.list', () => '/approvals'],
    ['approvals:read', 'GET', 'approvals.get', (ids) => `/approvals/${ids.approvalId}`],
    ['approvals:write', 'POST', 'approvals.decide', (ids) => `/approvals/${ids.approvalId}/decide`, { decision: 'approved' }],
  ]

  it.each(routes)('requires %s for %s %s', async (scope, method, _name, path, body) => {
    const mock = createMockApi()
    const ids = await runGated(mock)
    const others = mock.store.createApiKey({ scopes: [] })
    const denied = await call(mock, method, path(ids), { key: others, body })
    expect(denied.status).toBe(403)
    expect(await json(denied)).toEqual({ error: { code: 'forbidden', message: `the API key lacks the ${scope} scope` } })
    const allowed = mock.store.createApiKey({ scopes: [scope] })
    expect((await call(mock, method, path(ids), { key: allowed, body })).status).toBeLessThan(300)
  })

  it('refuses an X-Workspace-ID that is not the key\'s workspace with 403, and accepts its own', async () => {
    const mock = createMockApi()
    const other = mock.store.createWorkspace('Other')
    const foreign = await call(mock, 'GET', '/approvals', { headers: { 'x-workspace-id': other.id } })
    expect(foreign.status).toBe(403)
    const own = await call(mock, 'GET', '/approvals', { headers: { 'x-workspace-id': mock.store.defaults.workspaceId } })
    expect(own.status).toBe(200)
  })

  it('hides another workspace\'s objects behind 404 and leaves them untouched', async () => {
    const mock = createMockApi()
    const ids = await runGated(mock)
    const other = mock.store.createWorkspace('Other')
    const outsider = mock.store.createApiKey({ workspaceId: other.id })
    const paths = [
      ['GET', `/agents/${ids.agentId}`],
      ['POST', `/agents/${ids.agentId}/execute`],
      ['POST', `/agents/${ids.agentId}/versions`],
      ['GET', `/executions/${ids.executionId}`],
      ['GET', `/executions/${ids.executionId}/pending-approval`],
      ['GET', `/approvals/${ids.approvalId}`],
      ['POST', `/approvals/${ids.approvalId}/decide`],
    ] as const
    for (const [method, path] of paths) {
      const body = method === 'POST' ? { decision: 'approved', input: {}, config: {} } : undefined
      const response = await call(mock, method, path, { key: outsider, body })
      expect({ path, status: response.status, code: ((await json(response)).error as { code: string }).code })
        .toEqual({ path, status: 404, code: 'not_found' })
    }
    for (const list of ['/agents', '/executions', '/approvals']) {
      expect((await json(await call(mock, 'GET', list, { key: outsider }))).data).toEqual([])
    }
    expect(mock.store.getApproval(ids.approvalId)?.status).toBe('pending')
  })

  it('answers 404 for ids that exist nowhere', async () => {
    const mock = createMockApi()
    for (const path of ['/agents/nope', '/executions/nope', '/approvals/nope']) {
      expect((await call(mock, 'GET', path)).status).toBe(404)
    }
  })
})
