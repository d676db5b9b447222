import { describe, expect, it } from 'vitest'
import { AuthenticationError, NotFoundError, PermissionDeniedError, Signoff } from '../../src/index.js'
import { BASE_URL, QUIRKS, seedApprovalAgent, useMockApi } from './harness.js'

describe.each(QUIRKS)('authentication and scopes against the %s mock', (quirks) => {
  const api = useMockApi(quirks)

  it('a missing or unknown key is an AuthenticationError', async () => {
    const anonymous = new Signoff({ baseUrl: BASE_URL, maxRetries: 0 })
    await expect(anonymous.approvals.list()).rejects.toBeInstanceOf(AuthenticationError)
    const wrong = api.client({ apiKey: 'pr_key_not_a_real_key' })
    const error = await wrong.approvals.list().catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(AuthenticationError)
    expect((error as AuthenticationError).status).toBe(401)
  })

  it('a key without the needed scope is a PermissionDeniedError, per endpoint', async () => {
    const agent = seedApprovalAgent(api.mock)
    const execution = await api.client().agents.execute({ agent_id: agent.id, input: { message: 'a' } })
    const approval = await api.client().executions.pending_approval(execution.id)
    const readOnly = api.client({
      apiKey: api.mock.store.createApiKey({ workspaceId: api.mock.store.defaults.workspaceId, scopes: ['approvals:read'] }),
    })
    expect((await readOnly.approvals.get(approval.id)).id).toBe(approval.id)
    await expect(readOnly.approvals.decide(approval.id, { decision: 'approved' })).rejects.toBeInstanceOf(PermissionDeniedError)
    await expect(readOnly.agents.execute(agent.id, { input: {} })).rejects.toBeInstanceOf(PermissionDeniedError)
    await expect(readOnly.agents.create_version(agent.id, { config: {} })).rejects.toBeInstanceOf(PermissionDeniedError)
    await expect(readOnly.executions.get(execution.id)).rejects.toBeInstanceOf(PermissionDeniedError)
    expect(api.mock.store.getApproval(approval.id)?.status).toBe('pending')
  })

  it('another workspace\'s objects are NotFoundErrors, never revealed', async () => {
    const agent = seedApprovalAgent(api.mock)
    const execution = await api.client().agents.execute({ agent_id: agent.id, input: { message: 'a' } })
    const approval = await api.client().executions.pending_approval(execution.id)
    const otherWorkspace = api.mock.store.createWorkspace('Other')
    const outsider = api.client({ apiKey: api.mock.store.createApiKey({ workspaceId: otherWorkspace.id }) })
    await expect(outsider.approvals.get(approval.id)).rejects.toBeInstanceOf(NotFoundError)
    await expect(outsider.approvals.decide(approval.id, { decision: 'rejected' })).rejects.toBeInstanceOf(NotFoundError)
    await expect(outsider.executions.get(execution.id)).rejects.toBeInstanceOf(NotFoundError)
    await expect(outsider.agents.get(agent.id)).rejects.toBeInstanceOf(NotFoundError)
    expect((await outsider.approvals.list()).data).toEqual([])
    expect(api.mock.store.getApproval(approval.id)?.status).toBe('pending')
  })
})
