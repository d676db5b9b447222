import { describe, expect, it } from 'vitest'
import { NotFoundError } from '../../src/index.js'
import { QUIRKS, seedApprovalAgent, useMockApi } from './harness.js'

describe.each(QUIRKS)('agents against the %s mock', (quirks) => {
  const api = useMockApi(quirks)

  it('creates a version with approval settings, which becomes the current one', async () => {
    const agent = api.mock.store.createAgent({ name: 'Replies', config: { temperature: 0.2 } })
    const client = api.client()
    const version = await client.agents.create_version({
      agent_id: agent.id,
      config: { approval_required: true, checkpoint_name: 'review_response', temperature: 0.7 },
      message: 'Added approval requirement for customer responses',
    })
    expect(version).toMatchObject({
      agent_id: agent.id,
      is_current: true,
      message: 'Added approval requirement for customer responses',
      config: { approval_required: true, checkpoint_name: 'review_response', temperature: 0.7 },
    })
    expect(version.version).toEqual(expect.any(String))
    const fetched = await client.agents.get(agent.id)
    expect(fetched.current_version?.id).toBe(version.id)
  })

  it('accepts the positional and camelCase forms of create_version', async () => {
    const agent = api.mock.store.createAgent({ name: 'Replies' })
    const client = api.client()
    const first = await client.agents.createVersion(agent.id, { config: { approval_required: false } })
    const second = await client.agents.create_version(agent.id, { config: { approval_required: true, checkpoint_name: 'x' } })
    expect(first.id).not.toBe(second.id)
    expect((await client.agents.get(agent.id)).current_version?.id).toBe(second.id)
  })

  it('reads the SDKs\' approval_checkpoint_name spelling as checkpoint_name', async () => {
    const agent = api.mock.store.createAgent({ name: 'Legacy' })
    const version = await api.client().agents.create_version(agent.id, {
      config: { approval_required: true, approval_checkpoint_name: 'legacy_review' },
    })
    expect(version.config?.checkpoint_name).toBe('legacy_review')
  })

  it('executes a gated agent: the run waits at awaiting_approval', async () => {
    const agent = seedApprovalAgent(api.mock)
    const execution = await api.client().agents.execute({ agent_id: agent.id, input: { message: 'Hi' } })
    expect(execution).toMatchObject({ agent_id: agent.id, status: 'awaiting_approval' })
    expect(execution.id).toEqual(expect.any(String))
    expect(api.mock.store.getExecution(execution.id)?.status).toBe('awaiting_approval')
  })

  it('executes an ungated agent: the run completes with output', async () => {
    const agent = api.mock.store.createAgent({ name: 'Plain', config: { approval_required: false } })
    const execution = await api.client().agents.execute(agent.id, { input: { message: 'Hi' } })
    expect(execution.status).toBe('completed')
    expect(execution.output).not.toBeNull()
  })

  it('lists agents page by page and gets one', async () => {
    for (let index = 0; index < 3; index++) api.mock.store.createAgent({ name: `agent-${index}` })
    const client = api.client()
    const names: string[] = []
    for await (const agent of client.agents.list({ limit: 2 })) names.push(agent.name)
    expect(names.sort()).toEqual(['agent-0', 'agent-1', 'agent-2'])
    await expect(client.agents.get('2Nz3qkGXBtBLqYuwKyWqu9BFWaE')).rejects.toBeInstanceOf(NotFoundError)
  })
})
