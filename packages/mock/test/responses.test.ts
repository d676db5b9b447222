import {
  AgentSchema,
  AgentVersionSchema,
  ApprovalRequestSchema,
  ExecutionSchema,
  dataEnvelope,
  listEnvelope,
} from '@signoff/schemas'
import { describe, expect, it } from 'vitest'
import { createMockApi } from '../src/index.js'
import { call, json, runGated } from './mock-helpers.js'

const schemas = {
  agent: dataEnvelope(AgentSchema),
  agents: listEnvelope(AgentSchema),
  version: dataEnvelope(AgentVersionSchema),
  execution: dataEnvelope(ExecutionSchema),
  executions: listEnvelope(ExecutionSchema),
  approval: dataEnvelope(ApprovalRequestSchema),
  approvals: listEnvelope(ApprovalRequestSchema),
}

describe.each(['standard', 'emulator', 'newer'] as const)('every %s response matches the shared schemas', (quirks) => {
  it('for each endpoint of the contract', async () => {
    const mock = createMockApi({ quirks })
    const { agentId, executionId, approvalId } = await runGated(mock)
    const checks: [keyof typeof schemas, string, string, unknown?][] = [
      ['agents', 'GET', '/agents'],
      ['agent', 'GET', `/agents/${agentId}`],
      ['version', 'POST', `/agents/${agentId}/versions`, { config: { approval_required: true, checkpoint_name: 'again' } }],
      ['execution', 'POST', `/agents/${agentId}/execute`, { input: { message: 'second' } }],
      ['executions', 'GET', '/executions'],
      ['execution', 'GET', `/executions/${executionId}`],
      ['approval', 'GET', `/executions/${executionId}/pending-approval`],
      ['approvals', 'GET', '/approvals'],
      ['approval', 'GET', `/approvals/${approvalId}`],
      ['approval', 'POST', `/approvals/${approvalId}/decide`, { decision: 'approved', reason: 'fine' }],
      ['execution', 'GET', `/executions/${executionId}`],
    ]
    for (const [schema, method, path, body] of checks) {
      const response = await call(mock, method, path, { body })
      expect({ path, status: response.status }).toEqual({ path, status: method === 'POST' && !path.endsWith('/decide') ? 201 : 200 })
      const parsed = schemas[schema].safeParse(await response.json())
      expect({ path, issues: parsed.error?.issues ?? [] }).toEqual({ path, issues: [] })
    }
  })
})

describe('agents', () => {
  it('names versions 1.0.0, 2.0.0, … per agent, keeps the config as sent, and moves current', async () => {
    const mock = createMockApi()
    const agent = mock.store.createAgent({ name: 'Replies', config: { temperature: 0.2 } })
    expect(agent.current_version?.version).toBe('1.0.0')
    const config = { approval_required: true, approval_checkpoint_name: 'legacy_name', temperature: 0.7 }
    const created = await json(await call(mock, 'POST', `/agents/${agent.id}/versions`, { body: { config, message: 'Added approval' } }))
    expect(created.data).toMatchObject({ agent_id: agent.id, version: '2.0.0', config, is_current: true, message: 'Added approval' })
    const named = await json(await call(mock, 'POST', `/agents/${agent.id}/versions`, { body: { config: {}, version: '9.9.9', set_current: false } }))
    expect(named.data).toMatchObject({ version: '9.9.9', is_current: false })
    const read = (await json(await call(mock, 'GET', `/agents/${agent.id}`))).data as { current_version: { version: string } }
    expect(read.current_version.version).toBe('2.0.0')
  })

  it('uses approval_checkpoint_name when checkpoint_name is absent, and "default" when both are', async () => {
    const mock = createMockApi()
    const legacy = await runGated(mock, { checkpoint_name: undefined, approval_checkpoint_name: 'legacy' })
    expect(mock.store.getApproval(legacy.approvalId)?.checkpoint_name).toBe('legacy')
    const bare = await runGated(mock, { checkpoint_name: undefined })
    expect(mock.store.getApproval(bare.approvalId)?.checkpoint_name).toBe('default')
  })

  it('filters the agent list by type and by name', async () => {
    const mock = createMockApi()
    mock.store.createAgent({ name: 'Support replies', type: 'chat' })
    mock.store.createAgent({ name: 'Invoice checker', type: 'workflow' })
    const names = async (query: string) =>
      ((await json(await call(mock, 'GET', `/agents${query}`))).data as { name: string }[]).map((agent) => agent.name)
    expect(await names('?type=workflow')).toEqual(['Invoice checker'])
    expect(await names('?name=support')).toEqual(['Support replies'])
  })

  it('refuses an execute without an input object', async () => {
    const mock = createMockApi()
    const agent = mock.store.createAgent({ name: 'Replies', config: {} })
    expect((await call(mock, 'POST', `/agents/${agent.id}/execute`, { body: { input: 'text' } })).status).toBe(400)
    expect((await call(mock, 'POST', `/agents/${agent.id}/execute`, { body: {} })).status).toBe(400)
  })
})

describe('execute', () => {
  it('completes at once without approval_required, with the deterministic draft', async () => {
    const mock = createMockApi()
    const agent = mock.store.createAgent({ name: 'Open', config: { temperature: 0.1 } })
    const body = await json(await call(mock, 'POST', `/agents/${agent.id}/execute`, { body: { input: { n: 1, message: 'Hello' }, session_id: 's1' } }))
    expect(body.data).toMatchObject({ status: 'completed', output: { text: 'Draft reply: Hello' }, session_id: 's1', error: '' })
    expect(mock.store.listApprovals()).toEqual([])
  })

  it('sends both id and execution_id in the standard dialect, only id in the emulator one', async () => {
    for (const quirks of ['standard', 'emulator'] as const) {
      const mock = createMockApi({ quirks })
      const agent = mock.store.createAgent({ name: 'Open', config: {} })
      const data = (await json(await call(mock, 'POST', `/agents/${agent.id}/execute`, { body: { input: {} } }))).data as Record<string, unknown>
      expect(data.id).toEqual(expect.any(String))
      expect(data.execution_id).toBe(quirks === 'standard' ? data.id : undefined)
    }
  })

  it('runs the version named by version_id instead of the current one', async () => {
    const mock = createMockApi()
    const agent = mock.store.createAgent({ name: 'Replies', config: { approval_required: true } })
    const firstVersionId = agent.current_version?.id ?? ''
    await call(mock, 'POST', `/agents/${agent.id}/versions`, { body: { config: { approval_required: false } } })
    const pinned = await json(await call(mock, 'POST', `/agents/${agent.id}/execute`, { body: { input: {}, version_id: firstVersionId } }))
    expect(pinned.data).toMatchObject({ agent_version_id: firstVersionId, status: 'awaiting_approval', output: null })
    const current = await json(await call(mock, 'POST', `/agents/${agent.id}/execute`, { body: { input: {} } }))
    expect(current.data).toMatchObject({ status: 'completed' })
  })
})

describe('decide', () => {
  it('approved: the run completes and its output is delivered; the approval records who and why', async () => {
    let now = Date.parse('2026-11-25T12:00:00Z')
    const mock = createMockApi({ clock: () => new Date(now) })
    const { executionId, approvalId } = await runGated(mock)
    const pending = (await json(await call(mock, 'GET', `/approvals/${approvalId}`))).data
    expect(pending).toMatchObject({
      status: 'pending',
      checkpoint_name: 'review',
      payload: { input: { message: 'hi' }, output: { text: 'Draft reply: hi' }, checkpoint_name: 'review' },
      expires_at: null,
    })
    now += 5_000
    const decided = (await json(await call(mock, 'POST', `/approvals/${approvalId}/decide`, { body: { decision: 'approved', reason: 'Looks right' } }))).data
    expect(decided).toMatchObject({ status: 'approved', reason: 'Looks right', decided_at: '2026-11-25T12:00:05.000Z', decided_by: expect.any(String) })
    expect(mock.store.getExecution(executionId)).toMatchObject({ status: 'completed', output: { text: 'Draft reply: hi' } })
    expect((await call(mock, 'GET', `/executions/${executionId}/pending-approval`)).status).toBe(404)
  })

  it('rejected: the run is rejected and its output discarded; reason defaults to null', async () => {
    const mock = createMockApi()
    const { executionId, approvalId } = await runGated(mock)
    const decided = (await json(await call(mock, 'POST', `/approvals/${approvalId}/decide`, { body: { decision: 'rejected' } }))).data
    expect(decided).toMatchObject({ status: 'rejected', reason: null })
    expect(mock.store.getExecution(executionId)).toMatchObject({ status: 'rejected', output: null })
  })

  it('attributes decisions to the key that made them', async () => {
    const mock = createMockApi()
    const first = await runGated(mock)
    const second = await runGated(mock)
    const otherKey = mock.store.createApiKey({ scopes: ['approvals:write'] })
    await call(mock, 'POST', `/approvals/${first.approvalId}/decide`, { body: { decision: 'approved' } })
    await call(mock, 'POST', `/approvals/${second.approvalId}/decide`, { body: { decision: 'approved' }, key: otherKey })
    const by = (id: string) => mock.store.getApproval(id)?.decided_by
    expect(by(first.approvalId)).not.toBe(by(second.approvalId))
  })
})
