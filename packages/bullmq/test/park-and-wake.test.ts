// A job parks at its approval without holding a worker, and every kind of wake-up brings it
// back: a webhook to another process, a wake by hand, a sweep, and the approval's expiry.
import { expect, it } from 'vitest'
import { useGateFixture } from './fixture.js'

const fixture = useGateFixture()

const ids = (jobs: { id?: string | undefined }[]) => jobs.map((job) => job.id ?? '')

it('parks jobs in the delayed state, a worker of concurrency 1 still runs the next, and a webhook to another process wakes each', async () => {
  const { process: receiver, url } = await fixture.receiver()
  fixture.server.mock.store.addWebhookEndpoint({ url, secret: fixture.env.WEBHOOK_SECRET ?? '', events: ['approval.decided'] })
  const worker = await fixture.worker({ CONCURRENCY: '1', MAX_PARK: '3600000' })
  const jobs = [await fixture.add('first'), await fixture.add('second')]
  await fixture.settled(ids(jobs), 'delayed')
  // The worker reports each park on its stdout, which may arrive after the job shows as delayed.
  await Promise.all(ids(jobs).map((id) => worker.next((event) => event.event === 'parked' && event.job === id)))
  expect(worker.count((event) => event.event === 'parked')).toBe(2)

  await fixture.decide(fixture.approvalOf('first'), 'approved')
  await fixture.decide(fixture.approvalOf('second'), 'rejected')
  await fixture.settled(ids(jobs), 'completed')
  const results = await Promise.all(jobs.map(async (job) => (await fixture.queue.getJob(job.id ?? ''))?.returnvalue))
  expect(results.map((result) => result.status)).toEqual(['approved', 'rejected'])
  await receiver.next((event) => event.event === 'delivery' && receiver.count((seen) => seen.event === 'delivery') >= 2)
  // The execute step ran once per job, however often the processor ran.
  expect(worker.count((event) => event.event === 'step-done' && event.key === 'execute')).toBe(2)
})

it('wakes a parked job by gate.wake from a process that is not its worker', async () => {
  await fixture.worker({ MAX_PARK: '3600000' })
  const job = await fixture.add('by hand')
  await fixture.settled(ids([job]), 'delayed')
  const gate = fixture.gate()
  const approvalId = fixture.approvalOf('by hand')
  await fixture.decide(approvalId)
  expect(await gate.wake(approvalId)).toBe(1)
  await fixture.settled(ids([job]), 'completed')
  // An approval nobody waits on wakes nothing.
  expect(await gate.wake('2NnKzhq9e3HxNoApproval00000')).toBe(0)
})

it('wakes parked jobs by a sweep when no webhook came', async () => {
  await fixture.worker({ MAX_PARK: '3600000' })
  const jobs = [await fixture.add('swept one'), await fixture.add('swept two'), await fixture.add('still pending')]
  await fixture.settled(ids(jobs), 'delayed')
  const gate = fixture.gate()
  await fixture.decide(fixture.approvalOf('swept one'))
  await fixture.decide(fixture.approvalOf('swept two'), 'rejected')
  const result = await gate.sweep()
  expect(result).toEqual({ pending: 1, woken: 2, requests: 1, unreadPages: 0 })
  await fixture.settled(ids(jobs.slice(0, 2)), 'completed')
  expect(await fixture.queue.getJobState(jobs[2]?.id ?? '')).toBe('delayed')
})

it('parks until the approval expires, then returns it as expired', async () => {
  const expiring = fixture.server.mock.store.createAgent({
    name: 'Expiring',
    config: { approval_required: true, checkpoint_name: 'refund', approval_expires_in_seconds: 1 },
  })
  const worker = await fixture.worker({ MAX_PARK: '3600000' })
  const job = await fixture.queue.add('expiring', { message: 'too late', agentId: expiring.id })
  await worker.next((event) => event.event === 'parked')
  await fixture.settled(ids([job]), 'completed')
  expect((await fixture.queue.getJob(job.id ?? ''))?.returnvalue).toMatchObject({ status: 'expired' })
})
