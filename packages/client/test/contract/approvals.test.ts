import { describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import { ConflictError, NotFoundError, ResponseValidationError } from '../../src/index.js'
import { QUIRKS, pendingApproval, seedApprovalAgent, useMockApi } from './harness.js'

describe.each(QUIRKS)('approvals against the %s mock', (quirks) => {
  const api = useMockApi(quirks)

  it('lists pending approvals with agent, checkpoint, payload and creation time', async () => {
    const approval = await pendingApproval(api)
    const page = await api.client().approvals.list({ status: 'pending' })
    expect(page.data).toHaveLength(1)
    expect(page.data[0]).toMatchObject({
      id: approval.id,
      agent_id: approval.agent_id,
      checkpoint_name: 'review_response',
      status: 'pending',
    })
    expect(page.data[0]?.payload).toMatchObject({ input: { message: 'Where is my order?' } })
    expect(Date.parse(page.data[0]?.created_at ?? '')).not.toBeNaN()
    expect(page.meta).toMatchObject({ total: 1, page: 1, total_pages: 1 })
  })

  it('filters by status, agent, checkpoint and execution', async () => {
    const first = await pendingApproval(api, 'one')
    const other = seedApprovalAgent(api.mock, 'approve_refund')
    const execution = await api.client().agents.execute({ agent_id: other.id, input: { message: 'two' } })
    const client = api.client()

    expect((await client.approvals.list({ checkpoint_name: 'approve_refund' })).data.map((a) => a.execution_id)).toEqual([execution.id])
    expect((await client.approvals.list({ agent_id: first.agent_id })).data.map((a) => a.id)).toEqual([first.id])
    expect((await client.approvals.list({ execution_id: first.execution_id })).data.map((a) => a.id)).toEqual([first.id])
    expect((await client.approvals.list({ status: 'approved' })).data).toEqual([])
  })

  it('walks every page with for await, newest first, without repeats', async () => {
    const agent = seedApprovalAgent(api.mock)
    const client = api.client()
    const created: string[] = []
    for (let index = 0; index < 7; index++) {
      const execution = await client.agents.execute({ agent_id: agent.id, input: { message: `m${index}` } })
      created.push(execution.id)
    }
    const firstPage = await client.approvals.list({ limit: 3 })
    expect(firstPage.meta).toMatchObject({ total: 7, limit: 3, total_pages: 3, page: 1 })

    const seen: string[] = []
    for await (const approval of client.approvals.list({ limit: 3 })) seen.push(approval.execution_id)
    expect(seen).toEqual([...created].reverse())
    // Three pages were fetched for the walk, plus one for the awaited page.
    expect(api.sent.filter((request) => new URL(request.url).pathname.endsWith('/approvals'))).toHaveLength(4)
  })

  it('starts a walk at the requested page', async () => {
    const agent = seedApprovalAgent(api.mock)
    const client = api.client()
    for (let index = 0; index < 5; index++) await client.agents.execute({ agent_id: agent.id, input: { n: index } })
    const seen = []
    for await (const approval of client.approvals.list({ limit: 2, page: 2 })) seen.push(approval)
    expect(seen).toHaveLength(3)
  })

  it('gets one approval by id, in object and positional form', async () => {
    const approval = await pendingApproval(api)
    const client = api.client()
    expect(await client.approvals.get(approval.id)).toEqual(approval)
    expect(await client.approvals.get({ approval_id: approval.id })).toEqual(approval)
  })

  it('approves: the approval records who, when and why, and the run completes with output', async () => {
    const approval = await pendingApproval(api)
    const client = api.client()
    const decided = await client.approvals.decide({ approval_id: approval.id, decision: 'approved', reason: 'Looks right' })
    expect(decided).toMatchObject({ id: approval.id, status: 'approved', reason: 'Looks right' })
    expect(decided.decided_by).toEqual(expect.any(String))
    expect(Date.parse(decided.decided_at ?? '')).not.toBeNaN()
    const execution = await client.executions.get(approval.execution_id)
    expect(execution.status).toBe('completed')
    expect(execution.output).not.toBeNull()
  })

  it('rejects in the positional form: the run is marked rejected and its output discarded', async () => {
    const approval = await pendingApproval(api)
    const client = api.client()
    const decided = await client.approvals.decide(approval.id, { decision: 'rejected', reason: 'Wrong price' })
    expect(decided).toMatchObject({ status: 'rejected', reason: 'Wrong price' })
    const execution = await client.executions.get(approval.execution_id)
    expect(execution.status).toBe('rejected')
    expect(execution.output ?? null).toBeNull()
    await expect(client.executions.pending_approval(approval.execution_id)).rejects.toBeInstanceOf(NotFoundError)
  })

  it('deciding twice is a ConflictError carrying the approval as it stands', async () => {
    const approval = await pendingApproval(api)
    const client = api.client()
    await client.approvals.decide(approval.id, { decision: 'approved' })
    const error = await client.approvals.decide(approval.id, { decision: 'rejected' }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ConflictError)
    expect((error as ConflictError).status).toBe(quirks === 'emulator' ? 400 : 409)
    expect((error as ConflictError).approval).toMatchObject({ id: approval.id, status: 'approved' })
    expect(api.mock.store.getExecution(approval.execution_id)?.status).toBe('completed')
  })

  it('an unknown approval is a NotFoundError', async () => {
    const client = api.client()
    await expect(client.approvals.get('2Nz3qkGXBtBLqYuwKyWqu9BFWaE')).rejects.toBeInstanceOf(NotFoundError)
    await expect(
      client.approvals.decide('2Nz3qkGXBtBLqYuwKyWqu9BFWaE', { decision: 'approved' }),
    ).rejects.toBeInstanceOf(NotFoundError)
  })

  it('types and checks the payload with a caller-supplied schema', async () => {
    const approval = await pendingApproval(api, 'Refund order 42')
    const Review = z.object({ input: z.object({ message: z.string() }) })
    const client = api.client()
    const typed = await client.approvals.get(approval.id, { payloadSchema: Review })
    expect(typed.payload?.input.message).toBe('Refund order 42')

    const Wrong = z.object({ input: z.object({ amount: z.number() }) })
    const error = await client.approvals.get(approval.id, { payloadSchema: Wrong }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ResponseValidationError)
    expect((error as Error).message).toContain('data.payload.input.amount')
  })
})
