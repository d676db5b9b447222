// A worker process: runs the refund-like processor of the tests on one queue, with the gate.
// HOLD_JOB names a job whose first step this process never finishes (it is killed there).
import { DelayedError, Worker } from 'bullmq'
import { ApprovalGate } from '../../dist/index.js'
import { client, connection, gateOptions, optionalNumber, report, setting } from './env.ts'

interface TestJobData {
  message: string
  agentId: string
}

const api = client()
const gate = new ApprovalGate(api, gateOptions())
const holdJob = process.env['HOLD_JOB']

const worker = new Worker<TestJobData>(
  setting('QUEUE'),
  async (job, token) => {
    const execution = await gate.step(job, 'execute', async ({ idempotencyKey }) => {
      const made = await api.agents.execute(job.data.agentId, { input: { message: job.data.message } }, { idempotencyKey })
      if (job.name === holdJob) {
        report('holding', { job: job.id })
        await new Promise(() => undefined)
      }
      report('step-done', { job: job.id, key: 'execute' })
      return made
    })
    let approval
    try {
      approval = await gate.wait(job, token, { execution_id: execution.id })
    } catch (error) {
      if (error instanceof DelayedError) report('parked', { job: job.id })
      throw error
    }
    return gate.step(job, 'act', () => {
      report('step-done', { job: job.id, key: 'act', status: approval.status })
      return { status: approval.status, approval_id: approval.id }
    })
  },
  {
    connection: connection(),
    prefix: setting('GATE_PREFIX'),
    concurrency: optionalNumber('CONCURRENCY') ?? 1,
    lockDuration: optionalNumber('LOCK_MS') ?? 30_000,
    stalledInterval: optionalNumber('STALLED_MS') ?? 30_000,
  },
)
worker.on('error', (error) => report('error', { message: error.message }))
worker.on('failed', (job, error) => report('failed', { job: job?.id, message: error.message }))

if (process.env['SWEEP_INTERVAL'] !== undefined) await gate.startSweeper()
await worker.waitUntilReady()
report('ready')

process.on('SIGTERM', () => {
  void Promise.all([worker.close(), gate.close()]).then(() => process.exit(0))
})
