// Four worker processes and a webhook receiver in a fifth: every job ends once, as decided,
// and sweepers started in every worker still sweep once per interval across the cluster.
import { Queue } from 'bullmq'
import { expect, it } from 'vitest'
import { redisConnection, useGateFixture, type TestProcess } from './fixture.js'

const fixture = useGateFixture()
const SWEEP_INTERVAL = 400
const JOBS = 24

it('ends every job exactly once with its decision, woken through a receiver in another process', { timeout: 30_000 }, async () => {
  const { url } = await fixture.receiver()
  fixture.server.mock.store.addWebhookEndpoint({ url, secret: fixture.env.WEBHOOK_SECRET ?? '', events: ['approval.decided'] })
  const workers: TestProcess[] = []
  for (let index = 0; index < 4; index++) {
    workers.push(await fixture.worker({ CONCURRENCY: '3', MAX_PARK: '3600000', SWEEP_INTERVAL: String(SWEEP_INTERVAL) }))
  }
  const jobs = await Promise.all(Array.from({ length: JOBS }, (_, index) => fixture.add(`refund ${index}`)))
  const ids = jobs.map((job) => job.id ?? '')
  await fixture.settled(ids, 'delayed')
  const intended = new Map<string, 'approved' | 'rejected'>()
  for (const [index, job] of jobs.entries()) {
    const decision = index % 3 === 0 ? 'rejected' : 'approved'
    intended.set(job.id ?? '', decision)
    await fixture.decide(fixture.approvalOf(job.name), decision)
  }
  await fixture.settled(ids, 'completed')
  for (const worker of workers) await worker.stop()

  // Each job acted once, in whichever worker, on the decision made for it.
  const acted = workers.flatMap((worker) => worker.events.filter((event) => event.event === 'step-done' && event.key === 'act'))
  expect(acted.map((event) => event.job).sort()).toEqual([...ids].sort())
  for (const event of acted) expect(event.status).toBe(intended.get(event.job ?? ''))
  const executes = workers.flatMap((worker) => worker.events.filter((event) => event.event === 'step-done' && event.key === 'execute'))
  expect(executes).toHaveLength(JOBS)
  expect(fixture.server.mock.store.listExecutions({ agent_id: fixture.agentId })).toHaveLength(JOBS)

  // One sweep per interval: the scheduler's slots are distinct and at least an interval
  // apart, and the API was listed once per sweep, not once per sweeper.
  const sweeps = new Queue(`signoff-sweep-default`, { connection: redisConnection(), prefix: fixture.prefix })
  const finished = [...(await sweeps.getCompleted(0, -1)), ...(await sweeps.getFailed(0, -1))]
  await sweeps.close()
  const slots = finished.map((job) => Number(job.id?.split(':').at(-1))).sort((a, b) => a - b)
  expect(slots.length).toBeGreaterThanOrEqual(2)
  expect(new Set(slots).size).toBe(slots.length)
  for (let index = 1; index < slots.length; index++) {
    expect((slots[index] ?? 0) - (slots[index - 1] ?? 0)).toBeGreaterThanOrEqual(SWEEP_INTERVAL)
  }
  const listings = fixture.server.mock.requests.filter((request) => request.path.includes('status=pending'))
  expect(listings).toHaveLength(finished.length)
})
