// How the gate's sweep reads the pending list, seen from a real HTTP server in front of the
// mock: the pages after the first in flight together (bounded), the same request count, a page
// that fails for good read around without hiding a decision, and passing trouble failing the
// sweep so that the next one tries again.
import { Signoff } from '@signoff/client'
import { afterEach, expect, it } from 'vitest'
import { ApprovalGate, type ApprovalGateOptions } from '../src/index.js'
import { redisConnection, useGateFixture } from './fixture.js'
import { startListProxy, type ListProxy } from './list-proxy.js'

const fixture = useGateFixture()
const closing: Array<() => Promise<unknown>> = []
afterEach(async () => {
  for (const close of closing.splice(0).reverse()) await close()
})

/** A gate whose API calls go through a proxy that holds each list request `holdMs`. */
async function proxiedGate(holdMs: number, options: Partial<ApprovalGateOptions> = {}): Promise<{ gate: ApprovalGate; proxy: ListProxy }> {
  const proxy = await startListProxy(fixture.server.url, holdMs)
  closing.push(() => proxy.close())
  const client = new Signoff({ apiKey: fixture.server.mock.store.defaults.apiKey, baseUrl: proxy.url, maxRetries: 0 })
  const gate = new ApprovalGate(client, { connection: redisConnection(), prefix: fixture.prefix, ...options })
  closing.push(() => gate.close())
  return { gate, proxy }
}

function seed(count: number): void {
  for (let index = 0; index < count; index++) fixture.server.mock.store.execute(fixture.agentId, { message: `seeded ${index}` })
}

it('has the pages after the first in flight together, sweepConcurrency at most (4 by default), with the same request count', async () => {
  seed(450)
  for (const [sweepConcurrency, expected] of [[3, 3], [undefined, 4], [1, 1]] as const) {
    const { gate, proxy } = await proxiedGate(80, { pageSize: 50, sweepConcurrency })
    expect(await gate.sweep()).toEqual({ pending: 450, woken: 0, requests: 9, unreadPages: 0 })
    expect(proxy.seen.lists).toBe(9)
    expect(proxy.seen.mostInFlight).toBe(expected)
  }
})

it('fails the sweep on passing trouble, and reads around a page that fails for good without hiding a decision', async () => {
  await fixture.worker({ MAX_PARK: '3600000', CONCURRENCY: '10' })
  const jobs = await Promise.all(Array.from({ length: 30 }, (_, index) => fixture.add(`parked ${index}`)))
  const ids = jobs.map((job) => job.id ?? '')
  await fixture.settled(ids, 'delayed')
  const decided = jobs[0]!
  await fixture.decide(fixture.approvalOf(decided.name))
  const others = ids.filter((id) => id !== decided.id)
  const { gate, proxy } = await proxiedGate(0, { pageSize: 10 })

  // 29 pending: pages of 10, 10 and 9. A 503 on the second page fails the sweep; no job wakes.
  proxy.spoil((page) => (page === 2 ? { status: 503, body: { error: 'unavailable' } } : undefined))
  await expect(gate.sweep()).rejects.toMatchObject({ status: 503 })
  expect(await fixture.queue.getJobState(decided.id ?? '')).toBe('delayed')

  // An approval that breaks the contract spoils the second page for good: the ten jobs parked
  // on it wake, find their approvals pending and park again; the decided job wakes and ends.
  proxy.spoil((page, body) => (page === 2 ? { status: 200, body: { ...body, data: [...body.data, { id: 42 }] } } : undefined))
  expect(await gate.sweep()).toEqual({ pending: 19, woken: 11, requests: 3, unreadPages: 1 })
  await fixture.settled([decided.id ?? ''], 'completed')
  await fixture.settled(others, 'delayed')
  const attempts = await Promise.all(others.map(async (id) => (await fixture.queue.getJob(id))?.attemptsStarted ?? 0))
  expect(attempts.filter((count) => count === 2)).toHaveLength(10)
})
