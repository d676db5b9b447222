// Sandboxed processors (a processor file BullMQ runs in a child process) park and wake too.
import { Worker } from 'bullmq'
import { expect, it } from 'vitest'
import { redisConnection, useGateFixture } from './fixture.js'

const fixture = useGateFixture()

it('parks and wakes a job whose processor runs sandboxed', async () => {
  // The sandbox's child process inherits this environment: that is how it finds Redis and the API.
  const saved = { ...process.env }
  Object.assign(process.env, fixture.env, { MAX_PARK: '3600000' })
  const worker = new Worker(fixture.queueName, new URL('./processes/sandboxed.ts', import.meta.url), {
    connection: redisConnection(),
    prefix: fixture.prefix,
  })
  worker.on('error', () => undefined)
  try {
    const job = await fixture.queue.add('sandboxed', { message: 'in a sandbox', agentId: fixture.agentId })
    await fixture.settled([job.id ?? ''], 'delayed')
    const gate = fixture.gate()
    const approvalId = fixture.approvalOf('in a sandbox')
    await fixture.decide(approvalId, 'rejected')
    expect(await gate.wake(approvalId)).toBe(1)
    await fixture.settled([job.id ?? ''], 'completed')
    expect((await fixture.queue.getJob(job.id ?? ''))?.returnvalue).toMatchObject({ status: 'rejected' })
    expect(fixture.server.mock.store.listExecutions({ agent_id: fixture.agentId })).toHaveLength(1)
  } finally {
    await worker.close()
    process.env = saved
  }
})
