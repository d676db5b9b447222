import { describe, expect, it } from 'vitest'
import { createMockApi } from '../src/index.js'
import { call, json } from './mock-helpers.js'

describe('version configs the mock could not run', () => {
  const bad = [1e300, -5, 0, Number.MAX_VALUE, '60', true]

  it.each(bad)('refuses approval_expires_in_seconds: %s when the version is created, storing nothing', async (value) => {
    const mock = createMockApi()
    const agent = mock.store.createAgent({ name: 'Replies', config: { approval_required: true } })
    const response = await call(mock, 'POST', `/agents/${agent.id}/versions`, {
      body: { config: { approval_required: true, approval_expires_in_seconds: value } },
    })
    expect(response.status).toBe(400)
    expect(((await json(response)).error as { message: string }).message).toMatch(/^config\.approval_expires_in_seconds must be a positive number of seconds/)
    expect(mock.store.getAgent(agent.id)?.current_version?.version).toBe('1.0.0')
    // The agent still runs its good version: one run, one approval, nothing half-stored.
    const run = await call(mock, 'POST', `/agents/${agent.id}/execute`, { body: { input: { message: 'hi' } } })
    expect(run.status).toBe(201)
    expect(mock.store.listExecutions()).toHaveLength(1)
    expect(mock.store.listApprovals()).toHaveLength(1)
  })

  it('refuses the same config in store.createAgent with a TypeError, leaving no agent behind', async () => {
    const mock = createMockApi()
    expect(() => mock.store.createAgent({ name: 'Broken', config: { approval_required: true, approval_expires_in_seconds: 1e300 } })).toThrow(TypeError)
    expect((await json(await call(mock, 'GET', '/agents'))).data).toEqual([])
  })

  it('accepts a sensible expiry', async () => {
    const mock = createMockApi()
    const agent = mock.store.createAgent({ name: 'Replies', config: { approval_required: true, approval_expires_in_seconds: 90 } })
    expect(mock.store.execute(agent.id, { message: 'hi' }).status).toBe('awaiting_approval')
    expect(mock.store.listApprovals()[0]?.expires_at).toEqual(expect.any(String))
  })
})
