// A worker process: runs refund jobs and takes part in the cluster-wide sweep.
import { ApprovalGate } from '@signoff/bullmq'
import { Worker } from 'bullmq'
import { refundProcessor, type RefundRequest } from './refund.ts'
import { client, connection, gateOptions, PREFIX, QUEUE, say } from './settings.ts'

const api = client()
const gate = new ApprovalGate(api, gateOptions())
// Each wake-up is a new start of the job: leave maxStartedAttempts unset for long waits.
const worker = new Worker<RefundRequest>(QUEUE, refundProcessor(api, gate, say), { connection: connection(), prefix: PREFIX, concurrency: 5 })
worker.on('error', (error) => say(`worker error: ${error.message}`))
await gate.startSweeper()
await worker.waitUntilReady()
say('ready')

process.on('SIGTERM', () => {
  void Promise.all([worker.close(), gate.close()]).then(() => process.exit(0))
})
