import { describe, expect, it } from 'vitest'
import { NotFoundError } from '../../src/index.js'
import { QUIRKS, seedApprovalAgent, useMockApi } from './harness.js'

describe.each(QUIRKS)('executions against the %s mock', (quirks) => {
  const api = useMockApi(quirks)

  it('lists executions with filters and reads one', async () => {
    const gated = seedApprovalAgent(api.mock)
    const plain = api.mock.store.createAgent({ name: 'Plain', config: { approval_required: false } })
    const client = api.client()
    const waiting = await client.agents.execute({ agent_id: gated.id, input: { message: 'a' }, session_id: 's-1' })
    await client.agents.execute({ agent_id: plain.id, input: { message: 'b' } })

    const awaiting = await client.executions.list({ status: 'awaiting_approval' })
    expect(awaiting.data.map((execution) => execution.id)).toEqual([waiting.id])
    expect((await client.executions.list({ agent_id: plain.id })).data).toHaveLength(1)
    expect((await client.executions.list({ session_id: 's-1' })).data.map((e) => e.id)).toEqual([waiting.id])
    expect((await client.executions.list()).meta.total).toBe(2)

    const fetched = await client.executions.get(waiting.id)
    expect(fetched).toMatchObject({ id: waiting.id, agent_id: gated.id, status: 'awaiting_approval', input: { message: 'a' } })
  })

  it('finds the approval a run waits on, in snake_case and camelCase', async () => {
    const agent = seedApprovalAgent(api.mock)
    const client = api.client()
    const execution = await client.agents.execute({ agent_id: agent.id, input: { message: 'a' } })
    const approval = await client.executions.pending_approval(execution.id)
    expect(approval).toMatchObject({ execution_id: execution.id, status: 'pending', checkpoint_name: 'review_response' })
    expect(await client.executions.pendingApproval({ execution_id: execution.id })).toEqual(approval)
  })

  it('a run with nothing pending, or no such run, is a NotFoundError', async () => {
    const agent = api.mock.store.createAgent({ name: 'Plain', config: { approval_required: false } })
    const client = api.client()
    const execution = await client.agents.execute({ agent_id: agent.id, input: { message: 'a' } })
    await expect(client.executions.pending_approval(execution.id)).rejects.toBeInstanceOf(NotFoundError)
    await expect(client.executions.get('2Nz3qkGXBtBLqYuwKyWqu9BFWaE')).rejects.toBeInstanceOf(NotFoundError)
  })
})
