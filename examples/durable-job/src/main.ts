// A refund workflow on BullMQ, across processes: a producer queues refund requests, two worker
// processes run them, and each job parks in Redis at a person's approval without holding a
// worker. A webhook receiver in a third process wakes the parked jobs when you decide, and
// the sweep every worker takes part in catches a lost webhook. Halfway, worker-1 is restarted:
// parked jobs live in Redis, so nothing is lost. You decide with the signoff CLI.
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { startMockServer } from '@signoff/mock/node'
import { Queue } from 'bullmq'
import { startRedis } from '../../../scripts/redis.ts'
import type { RefundOutcome, RefundRequest } from './refund.ts'
import { PREFIX, QUEUE } from './settings.ts'

const requests = [
  { customer: 'Ada', message: 'My order #1042 arrived broken. Can I get a refund?' },
  { customer: 'Grace', message: 'Refund order #2077 please, I changed my mind after 90 days.' },
  { customer: 'Linus', message: 'I was charged twice for order #3110.' },
]

const redis = await startRedis()
const secret = `whsec_${Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64')}`
const server = await startMockServer()
const { apiKey } = server.mock.store.defaults
const agent = server.mock.store.createAgent({ name: 'Refund replies', config: { approval_required: true, checkpoint_name: 'refund_reply' } })
const env = {
  ...process.env,
  REDIS_URL: redis.url,
  PROMPTRAILS_BASE_URL: server.url,
  PROMPTRAILS_API_KEY: apiKey,
  PROMPTRAILS_WEBHOOK_SECRET: secret,
}
const url = new URL(redis.url)
const queue = new Queue<RefundRequest, RefundOutcome>(QUEUE, { connection: { host: url.hostname, port: Number(url.port || 6379) }, prefix: PREFIX })
const children = new Set<ChildProcess>()

// Starts one of the example's processes; resolves with the line that says it is ready.
function start(name: string, script: string, ready: RegExp): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn(process.execPath, [fileURLToPath(new URL(script, import.meta.url))], {
    env: { ...env, PROCESS_NAME: name },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  children.add(child)
  child.on('exit', () => children.delete(child))
  return new Promise((resolve, reject) => {
    let buffered = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString()
      const lines = buffered.split('\n')
      buffered = lines.pop() ?? ''
      for (const line of lines) {
        console.log(line)
        if (ready.test(line)) resolve({ child, line })
      }
    })
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}) before it was ready`)))
  })
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  await exited
}

async function states(ids: string[]): Promise<string[]> {
  return Promise.all(ids.map((id) => queue.getJobState(id)))
}

async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 50))
}

try {
  console.log('Signoff durable jobs: refunds on BullMQ, parked in Redis while a person decides')
  console.log(`Mock PromptRails API at ${server.url}, Redis at ${redis.url}\n`)
  const receiver = await start('receiver', './receiver.ts', /listening on (\S+)/)
  server.mock.store.addWebhookEndpoint({ url: /listening on (\S+)/.exec(receiver.line)?.[1] ?? '', secret })
  let first = await start('worker-1', './worker.ts', /ready/)
  await start('worker-2', './worker.ts', /ready/)

  // The producer.
  const jobs = await Promise.all(requests.map((request) => queue.add('refund', { ...request, agentId: agent.id })))
  const ids = jobs.map((job) => job.id ?? '')
  await until(async () => (await states(ids)).every((state) => state === 'delayed'))
  console.log(`\nAll ${ids.length} jobs are parked in Redis (BullMQ state: delayed); no worker is busy.`)
  console.log('Restarting worker-1, as a deploy would: the parked jobs stay where they are.')
  await stop(first.child)
  first = await start('worker-1', './worker.ts', /ready/)

  console.log('\nWaiting for a person. Decide from another terminal, in this repository:')
  console.log(`  export PROMPTRAILS_BASE_URL=${server.url} PROMPTRAILS_API_KEY=${apiKey}`)
  console.log('  npx -y pnpm@12.21.0 signoff approvals list --status pending')
  for (const approval of server.mock.store.listApprovals({ status: 'pending' })) {
    console.log(`  npx -y pnpm@12.21.0 signoff approvals approve ${approval.id}`)
  }
  console.log(`  npx -y pnpm@12.21.0 signoff approvals reject <id> --reason "Outside the refund window"\n`)

  await until(async () => (await states(ids)).every((state) => state === 'completed'))
  console.log('\nAll jobs done:')
  for (const id of ids) {
    const outcome = (await queue.getJob(id))?.returnvalue
    if (outcome !== undefined) console.log(`  ${outcome.customer}: ${outcome.action}${outcome.reason === null ? '' : ` (${outcome.reason})`}`)
  }
} finally {
  await Promise.all([...children].map(stop))
  await queue.obliterate({ force: true }).catch(() => undefined)
  await queue.close()
  await server.close()
  await redis.stop()
}
