import { describe, expect, it } from 'vitest'
import { DEFAULT_API_KEY, SCOPES, createMockApi, type MockEvent } from '../src/index.js'
import { call, runGated } from './mock-helpers.js'

describe('the store', () => {
  it('seeds a default workspace and the demo key with every scope', async () => {
    const mock = createMockApi()
    expect(mock.store.defaults.apiKey).toBe(DEFAULT_API_KEY)
    expect(mock.store.defaults.workspaceId).toMatch(/^[0-9A-Za-z]{27}$/)
    expect(SCOPES).toHaveLength(6)
    expect((await call(mock, 'GET', '/agents')).status).toBe(200)
  })

  it('with seed: false starts empty: no defaults, and the demo key is refused', async () => {
    const mock = createMockApi({ seed: false })
    expect(() => mock.store.defaults).toThrow(/seed: false/)
    expect((await call(mock, 'GET', '/agents', { key: DEFAULT_API_KEY })).status).toBe(401)
    const workspace = mock.store.createWorkspace('Mine')
    const key = mock.store.createApiKey({ workspaceId: workspace.id, key: 'pr_key_mine' })
    expect(key).toBe('pr_key_mine')
    mock.store.createAgent({ name: 'Mine', workspaceId: workspace.id })
    expect((await call(mock, 'GET', '/agents', { key })).status).toBe(200)
    mock.store.reset()
    expect(() => mock.store.defaults).toThrow(/seed: false/)
  })

  it('refuses to put an agent in a workspace that does not exist', () => {
    const mock = createMockApi()
    expect(() => mock.store.createAgent({ name: 'Lost', workspaceId: 'no_such_workspace' })).toThrow(/no workspace/)
  })

  it('runs an agent without HTTP, as the execute route does: paused at the checkpoint, events fired', async () => {
    const mock = createMockApi()
    const events: string[] = []
    mock.store.onEvent((event) => events.push(event.type))
    const gated = mock.store.createAgent({ name: 'Gated', config: { approval_required: true, checkpoint_name: 'review' } })
    const execution = mock.store.execute(gated.id, { message: 'hi' })
    expect(execution).toMatchObject({ agent_id: gated.id, status: 'awaiting_approval', input: { message: 'hi' } })
    expect(mock.store.listApprovals({ execution_id: execution.id })).toMatchObject([{ status: 'pending', checkpoint_name: 'review' }])
    expect(events).toEqual(['execution.awaiting_approval'])
    // What the API then serves is the same run.
    const read = await call(mock, 'GET', `/executions/${execution.id}`)
    expect(((await read.json()) as { data: { status: string } }).data.status).toBe('awaiting_approval')

    expect(() => mock.store.execute('no_such_agent', {})).toThrow(/no agent no_such_agent/)
    const bare = mock.store.createAgent({ name: 'No version' })
    expect(() => mock.store.execute(bare.id, {})).toThrow(/no version to run/)
  })

  it('uses the injected id generator', () => {
    let next = 0
    const mock = createMockApi({ generateId: () => `id${++next}` })
    expect(mock.store.createAgent({ name: 'A' }).id).toMatch(/^id\d+$/)
  })

  it('returns copies: changing an approval or execution read from it changes nothing', async () => {
    const mock = createMockApi()
    const { executionId, approvalId } = await runGated(mock)
    const approval = mock.store.getApproval(approvalId)
    if (approval) approval.status = 'approved'
    const execution = mock.store.getExecution(executionId)
    if (execution) execution.status = 'completed'
    mock.store.listApprovals()[0]!.checkpoint_name = 'changed'
    expect(mock.store.getApproval(approvalId)).toMatchObject({ status: 'pending', checkpoint_name: 'review' })
    expect(mock.store.getExecution(executionId)?.status).toBe('awaiting_approval')
  })

  it('reset forgets everything and seeds the defaults again', async () => {
    const mock = createMockApi()
    const { agentId } = await runGated(mock)
    const extraKey = mock.store.createApiKey()
    mock.store.reset()
    expect(mock.store.getAgent(agentId)).toBeUndefined()
    expect(mock.store.listApprovals()).toEqual([])
    expect(mock.store.listExecutions()).toEqual([])
    expect((await call(mock, 'GET', '/agents', { key: extraKey })).status).toBe(401)
    expect((await call(mock, 'GET', '/agents')).status).toBe(200)
  })

  it('stops calling a listener once it unsubscribes', async () => {
    const mock = createMockApi()
    const events: MockEvent[] = []
    const unsubscribe = mock.store.onEvent((event) => events.push(event))
    const { approvalId } = await runGated(mock)
    unsubscribe()
    await call(mock, 'POST', `/approvals/${approvalId}/decide`, { body: { decision: 'approved' } })
    expect(events.map((event) => event.type)).toEqual(['execution.awaiting_approval'])
  })
})
