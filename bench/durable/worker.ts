// One of bench/durable's worker processes: every job waits on its approval through the gate.
import { ApprovalGate } from '@signoff/bullmq'
import { Signoff } from '@signoff/client'
import { Worker } from 'bullmq'

const env = (name: string) => process.env[name] ?? ''
const url = new URL(env('REDIS_URL'))
const connection = { host: url.hostname, port: Number(url.port || 6379) }
const client = new Signoff({ apiKey: env('API_KEY'), baseUrl: env('API_URL'), maxRetries: 5 })
const gate = new ApprovalGate(client, { connection, prefix: env('PREFIX') })
const worker = new Worker<{ approvalId: string }>(
  env('QUEUE'),
  async (job, token) => (await gate.wait(job, token, { approval_id: job.data.approvalId })).status,
  { connection, prefix: env('PREFIX'), concurrency: Number(env('CONCURRENCY') || 50) },
)
worker.on('error', (error) => console.error(`worker: ${error.message}`))
await worker.waitUntilReady()
console.log('ready')
process.on('SIGTERM', () => void Promise.all([worker.close(), gate.close()]).then(() => process.exit(0)))
