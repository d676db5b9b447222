import { describe, expect, it } from 'vitest'
import { createMockApi } from '../src/index.js'
import { call, json, runGated } from './mock-helpers.js'

describe.each([
  ['standard', 'total_pages'],
  ['emulator', 'total_pages'],
  ['newer', 'pages'],
] as const)('pagination in the %s dialect', (quirks, pagesKey) => {
  it(`cuts pages of the requested size and counts them in meta.${pagesKey}`, async () => {
    const mock = createMockApi({ quirks })
    for (let i = 0; i < 5; i++) await runGated(mock)
    const second = await json(await call(mock, 'GET', '/approvals?page=2&limit=2'))
    expect(second.meta).toEqual({ total: 5, page: 2, limit: 2, [pagesKey]: 3 })
    expect(second.data).toHaveLength(2)
    const beyond = await json(await call(mock, 'GET', '/approvals?page=4&limit=2'))
    expect(beyond.data).toEqual([])
  })

  it('defaults to page 1 of 20, and answers an empty list as []', async () => {
    const mock = createMockApi({ quirks })
    expect(await json(await call(mock, 'GET', '/executions'))).toEqual({
      data: [],
      meta: { total: 0, page: 1, limit: 20, [pagesKey]: 0 },
    })
  })

  const malformed = ['page=0', 'page=x', 'limit=0', 'limit=-1', 'limit=2.5', `page=${'9'.repeat(400)}`, 'page=9007199254740993']
  it.each(malformed)(quirks === 'emulator' ? 'reads %s as the emulator does: page 1 of 20' : 'refuses %s with 400', async (query) => {
    const mock = createMockApi({ quirks })
    const response = await call(mock, 'GET', `/agents?${query}`)
    if (quirks !== 'emulator') {
      expect(response.status).toBe(400)
      return
    }
    expect(response.status).toBe(200)
    expect((await json(response)).meta).toEqual({ total: 0, page: 1, limit: 20, total_pages: 0 })
  })
})

describe('list order and filters', () => {
  it('lists approvals newest first, creation order breaking ties in one millisecond', async () => {
    const mock = createMockApi({ clock: () => new Date('2026-11-25T12:00:00Z') })
    const created = [await runGated(mock), await runGated(mock), await runGated(mock)]
    const listed = (await json(await call(mock, 'GET', '/approvals'))).data as { id: string }[]
    expect(listed.map((approval) => approval.id)).toEqual(created.map((run) => run.approvalId).reverse())
  })

  it('filters approvals by status, agent_id, checkpoint_name and execution_id', async () => {
    const mock = createMockApi()
    const first = await runGated(mock, { checkpoint_name: 'legal' })
    const second = await runGated(mock)
    await call(mock, 'POST', `/approvals/${second.approvalId}/decide`, { body: { decision: 'approved' } })
    const ids = async (query: string) =>
      ((await json(await call(mock, 'GET', `/approvals?${query}`))).data as { id: string }[]).map((approval) => approval.id)
    expect(await ids('status=pending')).toEqual([first.approvalId])
    expect(await ids('status=approved')).toEqual([second.approvalId])
    expect(await ids(`agent_id=${first.agentId}`)).toEqual([first.approvalId])
    expect(await ids('checkpoint_name=legal')).toEqual([first.approvalId])
    expect(await ids(`execution_id=${second.executionId}`)).toEqual([second.approvalId])
  })

  it('keeps creation order within a status whatever order the decisions came in, and pages it', async () => {
    const mock = createMockApi()
    const runs = [await runGated(mock), await runGated(mock), await runGated(mock), await runGated(mock)]
    for (const index of [2, 0, 3]) {
      await call(mock, 'POST', `/approvals/${runs[index]?.approvalId}/decide`, { body: { decision: 'approved' } })
    }
    const ids = async (query: string) =>
      ((await json(await call(mock, 'GET', `/approvals?${query}`))).data as { id: string }[]).map((approval) => approval.id)
    const expected = [3, 2, 0].map((index) => runs[index]?.approvalId)
    expect(await ids('status=approved')).toEqual(expected)
    expect(await ids('status=approved&limit=2&page=2')).toEqual(expected.slice(2))
    expect(await ids(`status=approved&agent_id=${runs[0]?.agentId}`)).toEqual([runs[0]?.approvalId])
    expect(await ids('status=pending')).toEqual([runs[1]?.approvalId])
    expect(mock.store.listApprovals({ status: 'approved' }).map((approval) => approval.id)).toEqual(expected)
  })

  it('filters executions by agent_id, session_id and status', async () => {
    const mock = createMockApi()
    const gated = await runGated(mock)
    const open = mock.store.createAgent({ name: 'Open', config: {} })
    await call(mock, 'POST', `/agents/${open.id}/execute`, { body: { input: {}, session_id: 'chat-1' } })
    const count = async (query: string) => ((await json(await call(mock, 'GET', `/executions?${query}`))).data as unknown[]).length
    expect(await count(`agent_id=${gated.agentId}`)).toBe(1)
    expect(await count('session_id=chat-1')).toBe(1)
    expect(await count('status=awaiting_approval')).toBe(1)
    expect(await count('status=completed')).toBe(1)
  })
})
