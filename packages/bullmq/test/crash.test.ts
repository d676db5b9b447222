// A worker killed with SIGKILL while jobs are parked and while one is inside a step: a new
// worker finishes every job, and every step that completed ran its body once.
import { expect, it } from 'vitest'
import { useGateFixture } from './fixture.js'

const fixture = useGateFixture()

it('finishes every job in a new worker after the first is killed mid-step', { timeout: 30_000 }, async () => {
  // Short locks so the new worker finds the killed worker's running job stalled quickly.
  const quickLocks = { LOCK_MS: '1000', STALLED_MS: '500', MAX_PARK: '3600000' }
  const first = await fixture.worker({ ...quickLocks, HOLD_JOB: 'held', CONCURRENCY: '2' })
  const parked = await Promise.all(['one', 'two', 'three'].map((name) => fixture.add(name)))
  await fixture.settled(parked.map((job) => job.id ?? ''), 'delayed')
  const held = await fixture.add('held')
  await first.next((event) => event.event === 'holding')
  await first.stop('SIGKILL')

  for (const name of ['one', 'two', 'three', 'held']) await fixture.decide(fixture.approvalOf(name))
  // No webhooks here: the new worker's sweeper finds the decisions.
  const second = await fixture.worker({ ...quickLocks, SWEEP_INTERVAL: '300' })
  const ids = [...parked, held].map((job) => job.id ?? '')
  await fixture.settled(ids, 'completed')

  const done = [...first.events, ...second.events].filter((event) => event.event === 'step-done')
  for (const id of ids) {
    expect(done.filter((event) => event.job === id && event.key === 'execute')).toHaveLength(1)
    expect(done.filter((event) => event.job === id && event.key === 'act')).toHaveLength(1)
  }
  // The cut-short step ran again with the same idempotency key: the mock replayed its first
  // answer, so no execution was made twice.
  expect(fixture.server.mock.store.listExecutions({ agent_id: fixture.agentId })).toHaveLength(4)
  for (const id of ids) expect((await fixture.queue.getJob(id))?.returnvalue).toMatchObject({ status: 'approved' })
})
