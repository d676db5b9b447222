import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { ConflictError } from '../../src/index.js'
import { BASE_URL, QUIRKS, loseFirstDecideResponse, pendingApproval, server, useMockApi } from './harness.js'

describe.each(QUIRKS)('decide when a response is lost, against the %s mock', (quirks) => {
  const api = useMockApi(quirks)

  it('a retry that meets "already decided" with the same decision is a success', async () => {
    const approval = await pendingApproval(api)
    const attempts = loseFirstDecideResponse(api)
    const decided = await api.client({ maxRetries: 2 }).approvals.decide(approval.id, { decision: 'approved', reason: 'ok' })
    expect(decided).toMatchObject({ id: approval.id, status: 'approved', reason: 'ok' })
    expect(attempts()).toBe(2)
    expect(api.mock.store.getExecution(approval.execution_id)?.status).toBe('completed')
  })

  it('a retry that finds a different decision is a ConflictError with the approval', async () => {
    const approval = await pendingApproval(api)
    server.use(
      http.post(`${BASE_URL}/api/v1/approvals/:id/decide`, async ({ request }) => {
        // Someone else rejects between our lost attempt and our retry.
        const body = (await request.clone().json()) as Record<string, unknown>
        if (body['decision'] === 'approved' && api.mock.store.getApproval(approval.id)?.status === 'pending') {
          await api.client().approvals.decide(approval.id, { decision: 'rejected', reason: 'no' })
          return HttpResponse.error()
        }
        return undefined
      }),
    )
    const error = await api.client({ maxRetries: 2 }).approvals.decide(approval.id, { decision: 'approved' }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ConflictError)
    expect((error as ConflictError).approval).toMatchObject({ status: 'rejected', reason: 'no' })
  })

  it('someone else\'s identical decision with another reason is not ours: a ConflictError with the approval', async () => {
    const approval = await pendingApproval(api)
    let attempts = 0
    server.use(
      http.post(`${BASE_URL}/api/v1/approvals/:id/decide`, async () => {
        attempts += 1
        if (attempts > 1) return undefined
        // Our first attempt never lands; meanwhile another reviewer approves, for their reason.
        await api.client().approvals.decide(approval.id, { decision: 'approved', reason: 'theirs' })
        return HttpResponse.error()
      }),
    )
    const error = await api.client({ maxRetries: 2 }).approvals.decide(approval.id, { decision: 'approved', reason: 'ours' }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ConflictError)
    expect((error as ConflictError).approval).toMatchObject({ status: 'approved', reason: 'theirs' })
  })

  it('our own landed attempt with no reason is still ours on a retry', async () => {
    const approval = await pendingApproval(api)
    loseFirstDecideResponse(api)
    const decided = await api.client({ maxRetries: 2 }).approvals.decide(approval.id, { decision: 'rejected' })
    expect(decided).toMatchObject({ id: approval.id, status: 'rejected' })
  })
})
