import { describe, expect, it } from 'vitest'
import { createMockApi } from '../src/index.js'
import { call, json, runGated } from './mock-helpers.js'

const decide = (key: string, decision = 'approved') => ({ body: { decision }, headers: { 'idempotency-key': key } })

describe('Idempotency-Key', () => {
  it('replays the first answer to a repeat with the same key and body, without acting again', async () => {
    const mock = createMockApi()
    const events: string[] = []
    mock.store.onEvent((event) => events.push(event.type))
    const { approvalId } = await runGated(mock)
    const first = await call(mock, 'POST', `/approvals/${approvalId}/decide`, decide('k1'))
    const again = await call(mock, 'POST', `/approvals/${approvalId}/decide`, decide('k1'))
    expect(again.status).toBe(200)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(await json(again)).toEqual(await json(first))
    expect(events.filter((type) => type === 'approval.decided')).toHaveLength(1)
  })

  it('refuses the same key with another body (422) and an empty key (400)', async () => {
    const mock = createMockApi()
    const { approvalId } = await runGated(mock)
    await call(mock, 'POST', `/approvals/${approvalId}/decide`, decide('k1'))
    const other = await call(mock, 'POST', `/approvals/${approvalId}/decide`, decide('k1', 'rejected'))
    expect(other.status).toBe(422)
    expect(((await json(other)).error as { code: string }).code).toBe('idempotency_key_reused')
    const second = await runGated(mock)
    const empty = await call(mock, 'POST', `/approvals/${second.approvalId}/decide`, decide(''))
    expect(empty.status).toBe(400)
    expect(mock.store.getApproval(second.approvalId)?.status).toBe('pending')
  })

  it('scopes a key to the method, the path and the API key: never another resource\'s answer', async () => {
    const mock = createMockApi()
    const a = await runGated(mock)
    const b = await runGated(mock)
    await call(mock, 'POST', `/approvals/${a.approvalId}/decide`, decide('shared'))
    const onB = await call(mock, 'POST', `/approvals/${b.approvalId}/decide`, decide('shared'))
    expect(onB.status).toBe(200)
    expect(onB.headers.get('idempotent-replayed')).toBeNull()
    expect(((await json(onB)).data as { id: string }).id).toBe(b.approvalId)
    expect(mock.store.getApproval(b.approvalId)?.status).toBe('approved')

    // The same key on another agent's execute runs that agent.
    const other = mock.store.createAgent({ name: 'Other', config: {} })
    const execute = (agentId: string) =>
      call(mock, 'POST', `/agents/${agentId}/execute`, { body: { input: { message: 'x' } }, headers: { 'idempotency-key': 'run' } })
    const first = (await json(await execute(a.agentId))).data as { agent_id: string }
    const second = (await json(await execute(other.id))).data as { agent_id: string }
    expect([first.agent_id, second.agent_id]).toEqual([a.agentId, other.id])

    // Another API key sending the same key to the same path is its own request too: it acts
    // (and meets the decision already made) instead of receiving the first caller's answer.
    const c = await runGated(mock)
    await call(mock, 'POST', `/approvals/${c.approvalId}/decide`, decide('per-key', 'rejected'))
    const otherKey = mock.store.createApiKey()
    const withOtherKey = await call(mock, 'POST', `/approvals/${c.approvalId}/decide`, { ...decide('per-key', 'rejected'), key: otherKey })
    expect(withOtherKey.status).toBe(409)
    expect(withOtherKey.headers.get('idempotent-replayed')).toBeNull()
  })

  it('is ignored in the emulator dialect, as the emulator does: a repeat acts, and meets "already decided"', async () => {
    const mock = createMockApi({ dialect: 'emulator' })
    const { approvalId } = await runGated(mock)
    await call(mock, 'POST', `/approvals/${approvalId}/decide`, decide('k1'))
    const again = await call(mock, 'POST', `/approvals/${approvalId}/decide`, decide('k1'))
    expect(again.status).toBe(400)
    expect(again.headers.get('idempotent-replayed')).toBeNull()
  })
})
