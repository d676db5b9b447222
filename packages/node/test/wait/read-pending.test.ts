// readPendingApprovals, the read the watcher's and the durable gate's sweeps share: every page
// once, the ones after the first in parallel but bounded, a page that fails for good left out
// and counted, passing trouble and aborts rejected, bad options refused before any request.
import { InvalidRequestError } from '@signoff/client'
import { http, HttpResponse } from 'msw'
import { expect, it } from 'vitest'
import { readPendingApprovals } from '../../src/index.js'
import { BASE_URL, server, slowList, useWaitFixture } from './fixture.js'

const api = useWaitFixture()

function seed(count: number): void {
  for (let index = 0; index < count; index++) api.mock.store.execute(api.agentId, { message: `question ${index}` })
}

it('reads max(1, ceil(pending / pageSize)) pages, at most `concurrency` at once, and sees every pending approval', async () => {
  seed(230)
  const seen = slowList(api, 20)
  let counted = 0
  const pending = await readPendingApprovals(api.client(), { pageSize: 20, concurrency: 3, onRequest: () => void (counted += 1) })
  expect(seen.reads).toBe(12)
  expect(counted).toBe(12)
  expect(seen.mostInFlight).toBe(3)
  expect(pending.approvals).toEqual(new Set(api.mock.store.listApprovals({ status: 'pending' }).map((approval) => approval.id)))
  expect(pending.executions.size).toBe(230)
  expect(pending.unreadPages).toBe(0)
})

it('makes one request when nothing is pending', async () => {
  const seen = slowList(api, 0)
  expect(await readPendingApprovals(api.client())).toEqual({ approvals: new Set(), executions: new Map(), unreadPages: 0 })
  expect(seen.reads).toBe(1)
})

it('leaves out a page it cannot parse and counts it, and takes no decided approval for pending', async () => {
  seed(30)
  const [decided] = api.mock.store.listApprovals({ status: 'pending' })
  await api.decide(decided!.id, 'approved')
  server.use(
    http.get(`${BASE_URL}/api/v1/approvals`, async ({ request }) => {
      const page = new URL(request.url).searchParams.get('page')
      const body = (await (await api.mock.fetch(request)).json()) as { data: unknown[] }
      // Page 2 carries an approval that breaks the contract; every page also carries the
      // decided approval, as a server that ignores the status filter would.
      const extra = page === '2' ? [{ id: 42, status: 'pending' }] : [{ ...decided, status: 'approved' }]
      return HttpResponse.json({ ...body, data: [...body.data, ...extra] })
    }),
  )
  const pending = await readPendingApprovals(api.client(), { pageSize: 10 })
  expect(pending.unreadPages).toBe(1)
  expect(pending.approvals.size).toBe(19)
  expect(pending.approvals.has(decided!.id)).toBe(false)
})

it('answers an empty snapshot with one unread page when the first page, which tells how many there are, fails for good', async () => {
  seed(30)
  let reads = 0
  server.use(
    http.get(`${BASE_URL}/api/v1/approvals`, () => {
      reads += 1
      return HttpResponse.json({ data: [{ id: 42 }], meta: { total: 30, page: 1, limit: 10, total_pages: 3 } })
    }),
  )
  expect(await readPendingApprovals(api.client(), { pageSize: 10 })).toEqual({ approvals: new Set(), executions: new Map(), unreadPages: 1 })
  expect(reads).toBe(1)
})

it('rejects on passing trouble and on an abort', async () => {
  seed(30)
  server.use(http.get(`${BASE_URL}/api/v1/approvals`, ({ request }) =>
    new URL(request.url).searchParams.get('page') === '3' ? new HttpResponse(null, { status: 503 }) : undefined))
  await expect(readPendingApprovals(api.client(), { pageSize: 10 })).rejects.toMatchObject({ status: 503 })
  const controller = new AbortController()
  controller.abort()
  await expect(readPendingApprovals(api.client(), { signal: controller.signal })).rejects.toThrow()
})

it('refuses options out of range before any request', async () => {
  const seen = slowList(api, 0)
  for (const options of [{ pageSize: 0 }, { pageSize: 101 }, { concurrency: 0 }, { concurrency: 65 }, { concurrency: 1.5 }]) {
    await expect(readPendingApprovals(api.client(), options)).rejects.toThrow(InvalidRequestError)
  }
  expect(seen.reads).toBe(0)
})
