// How the watcher's sweeps read the pending list: pages in parallel but bounded, never two sweeps
// at once, and a page that cannot be read costs only the waits it held a read-back each.
import { ResponseValidationError } from '@signoff/client'
import { http, HttpResponse } from 'msw'
import { afterEach, expect, it, vi } from 'vitest'
import { ApprovalWatcher } from '../../src/index.js'
import { BASE_URL, server, slowList, useWaitFixture } from './fixture.js'

const api = useWaitFixture()
let watcher: ApprovalWatcher | undefined
afterEach(() => watcher?.close())

/** Seeds `count` runs at the checkpoint, without HTTP; returns their approvals' ids, oldest first. */
function pendingApprovals(count: number): string[] {
  const executions = Array.from({ length: count }, (_, index) => api.mock.store.execute(api.agentId, { message: `question ${index}` }).id)
  const byExecution = new Map(api.mock.store.listApprovals({ status: 'pending' }).map((approval) => [approval.execution_id, approval.id]))
  return executions.map((id) => {
    const approvalId = byExecution.get(id)
    if (approvalId === undefined) throw new Error('the seeded run did not pause')
    return approvalId
  })
}

it('reads ceil(pending / pageSize) pages a sweep, the ones after the first in parallel, never two sweeps at once', async () => {
  const [first] = pendingApprovals(450)
  const seen = slowList(api, 30)
  // Sweeps take longer than the interval: overlapping ones would put more pages in flight.
  watcher = new ApprovalWatcher(api.client(), { interval: 10, pageSize: 100, concurrency: 2 })
  void watcher.wait({ approval_id: first! }).catch(() => undefined)
  await vi.waitFor(() => expect(watcher!.stats.sweeps).toBeGreaterThanOrEqual(3), { timeout: 10_000 })
  const { sweeps, requests } = watcher.stats
  watcher.close()
  expect(seen.mostInFlight).toBe(2)
  // Five pages a sweep (the last sweep may be under way), nothing else: the wait is still pending.
  expect(requests).toBeGreaterThanOrEqual(5 * sweeps)
  expect(requests).toBeLessThanOrEqual(5 * (sweeps + 1))
})

it('reads around a page it cannot parse: someone else\'s malformed approval ends no wait, one\'s own ends only that wait', async () => {
  const [kept, decided, broken] = pendingApprovals(3)
  // The list carries an approval that breaks the contract, and one approval reads back malformed.
  server.use(
    http.get(`${BASE_URL}/api/v1/approvals`, async ({ request }) => {
      const body = (await (await api.mock.fetch(request)).json()) as { data: unknown[] }
      return HttpResponse.json({ ...body, data: [...body.data, { id: 42, status: 'pending' }] })
    }),
    http.get(`${BASE_URL}/api/v1/approvals/:id`, ({ params }) =>
      params['id'] === broken ? HttpResponse.json({ data: { id: broken, status: 7 } }) : undefined,
    ),
  )
  watcher = new ApprovalWatcher(api.client(), { interval: 10 })
  const waits = [kept, decided, broken].map((id) => watcher!.wait({ approval_id: id! }))
  await expect(waits[2]).rejects.toThrow(ResponseValidationError)
  await api.decide(decided!, 'approved')
  expect(await waits[1]).toMatchObject({ id: decided, status: 'approved' })
  // Several sweeps later, the first wait is still under way.
  const sweeps = watcher.stats.sweeps
  await vi.waitFor(() => expect(watcher!.stats.sweeps).toBeGreaterThan(sweeps + 2))
  expect(watcher.stats.waiting).toBe(1)
  await api.decide(kept!, 'rejected')
  expect(await waits[0]).toMatchObject({ id: kept, status: 'rejected' })
})
