// Decisions and wakes that land while the job is still running, before it parks: none is lost.
import { Worker, type Job } from 'bullmq'
import { expect, expectTypeOf, it } from 'vitest'
import * as z from 'zod'
import type { ApprovalGate, GateJob } from '../src/index.js'
import { redisConnection, useGateFixture } from './fixture.js'

const fixture = useGateFixture()

interface Data {
  message: string
  agentId: string
}

// A worker in this process, so a test can act at a chosen moment of the processor's run.
function inProcessWorker(processor: (job: Job<Data>, token: string) => Promise<unknown>): Worker<Data> {
  const worker = new Worker<Data>(fixture.queueName, (job, token) => processor(job, token ?? ''), {
    connection: redisConnection(),
    prefix: fixture.prefix,
  })
  worker.on('error', () => undefined)
  return worker
}

async function execute(gate: ApprovalGate, job: Job<Data>): Promise<string> {
  const execution = await gate.step(job, 'execute', ({ idempotencyKey }) =>
    fixture.client.agents.execute(job.data.agentId, { input: { message: job.data.message } }, { idempotencyKey }),
  )
  return execution.id
}

for (const webhook of [true, false]) {
  it(`returns a decision made before the job parks, ${webhook ? 'with' : 'without'} its webhook, without parking`, async () => {
    const gate = fixture.gate({ maxPark: 3_600_000 })
    if (webhook) {
      const { url } = await fixture.receiver()
      fixture.server.mock.store.addWebhookEndpoint({ url, secret: fixture.env.WEBHOOK_SECRET ?? '', events: ['approval.decided'] })
    }
    let runs = 0
    const worker = inProcessWorker(async (job, token) => {
      runs += 1
      const executionId = await execute(gate, job)
      await fixture.decide(fixture.approvalOf(job.data.message), 'rejected')
      await fixture.server.mock.idle()
      return (await gate.wait(job, token, { execution_id: executionId })).status
    })
    const job = await fixture.add('decided early')
    await fixture.settled([job.id ?? ''], 'completed')
    await worker.close()
    expect((await fixture.queue.getJob(job.id ?? ''))?.returnvalue).toBe('rejected')
    expect(runs).toBe(1)
  })
}

it('keeps a wake that came between recording the wait and parking: the job wakes itself at once', async () => {
  // A long park: only the kept wake can bring the job back within the test.
  const gate = fixture.gate({ maxPark: 3_600_000 })
  const elsewhere = fixture.gate()
  let runs = 0
  let woken: number | undefined
  const worker = inProcessWorker(async (job, token) => {
    runs += 1
    const executionId = await execute(gate, job)
    const approvalId = fixture.approvalOf(job.data.message)
    // The wait reads the approval (pending) and records itself; the decision and its wake
    // land just before BullMQ parks the job, while it is still active.
    const racing: GateJob = {
      id: job.id,
      queueName: job.queueName,
      prefix: job.prefix,
      data: job.data,
      token: job.token,
      updateData: (data: never) => job.updateData(data),
      moveToDelayed: async (timestamp, lockToken) => {
        if (runs === 1) {
          await fixture.decide(approvalId)
          woken = await elsewhere.wake(approvalId)
        }
        await job.moveToDelayed(timestamp, lockToken)
      },
    }
    return (await gate.wait(racing, token, { execution_id: executionId })).status
  })
  const job = await fixture.add('woken while active')
  await fixture.settled([job.id ?? ''], 'completed')
  await worker.close()
  expect(woken).toBe(0) // promote() found the job active: nothing to promote then
  expect(runs).toBe(2)
  expect((await fixture.queue.getJob(job.id ?? ''))?.returnvalue).toBe('approved')
})

it('checks and types the payload with payloadSchema', async () => {
  const gate = fixture.gate()
  const Payload = z.object({ input: z.object({ message: z.string() }), checkpoint_name: z.string() })
  let payload: z.infer<typeof Payload> | undefined
  const worker = inProcessWorker(async (job, token) => {
    const executionId = await execute(gate, job)
    await fixture.decide(fixture.approvalOf(job.data.message))
    const approval = await gate.wait(job, token, { execution_id: executionId }, { payloadSchema: Payload })
    expectTypeOf(approval.payload).toEqualTypeOf<z.infer<typeof Payload>>()
    payload = approval.payload
  })
  const job = await fixture.add('typed')
  await fixture.settled([job.id ?? ''], 'completed')
  await worker.close()
  expect(payload).toEqual({ input: { message: 'typed' }, checkpoint_name: 'refund' })
})
