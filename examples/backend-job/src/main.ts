// Backend jobs waiting for a person: two refund requests run an approval-gated agent at once,
// and one ApprovalWatcher serves both waits. The mock PromptRails server sends webhooks to a
// receiver wired to the watcher, so a decision wakes its job at once; the watcher's poll is
// the safety net if a webhook is lost. You make the decisions, with the signoff CLI.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Signoff } from '@signoff/client'
import { startMockServer } from '@signoff/mock/node'
import { ApprovalWatcher, createWebhookHandler } from '@signoff/node'
import { refundJob, type JobContext, type RefundRequest } from './refund-job.ts'

const requests: RefundRequest[] = [
  { customer: 'Ada', message: 'My order #1042 arrived broken. Can I get a refund?' },
  { customer: 'Grace', message: 'Refund order #2077 please, I changed my mind after 90 days.' },
]

const secret = `whsec_${Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64')}`
const server = await startMockServer()
const { apiKey } = server.mock.store.defaults
const client = new Signoff({ apiKey, baseUrl: server.url })
const watcher = new ApprovalWatcher(client, { interval: 5_000 })

const receiver = createServer(createWebhookHandler({ secret, on: watcher.webhookHandlers() }))
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
server.mock.store.addWebhookEndpoint({ url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks`, secret })

const agent = server.mock.store.createAgent({
  name: 'Refund replies',
  config: { approval_required: true, checkpoint_name: 'refund_reply' },
})
const context: JobContext = { client, watcher, agentId: agent.id, log: (line) => console.log(`→ ${line}`) }

console.log('Signoff backend jobs: each waits for a person, then acts on the decision')
console.log(`Mock PromptRails API at ${server.url}\n`)

const started = Date.now()
let open = requests.length
const jobs = requests.map((request) =>
  refundJob(context, request).then((outcome) => {
    open -= 1
    if (outcome.action === 'sent') console.log(`✓ ${outcome.customer}: approved, the reply is sent`)
    if (outcome.action === 'discarded') console.log(`✗ ${outcome.customer}: rejected (${outcome.reason ?? 'no reason'}), the reply is discarded`)
    if (outcome.action === 'escalated') console.log(`! ${outcome.customer}: nobody decided in time, escalated to a person`)
  }),
)

// Once both runs are at the checkpoint, tell the person at the keyboard what to do, then keep
// them informed while the jobs wait.
let pending = server.mock.store.listApprovals({ status: 'pending' })
while (pending.length < requests.length) {
  await new Promise((resolve) => setTimeout(resolve, 20))
  pending = server.mock.store.listApprovals({ status: 'pending' })
}
console.log('\nWaiting for a person. Decide from another terminal, in this repository:')
console.log(`  export PROMPTRAILS_BASE_URL=${server.url} PROMPTRAILS_API_KEY=${apiKey}`)
console.log('  npx -y pnpm@12.21.0 signoff approvals list --status pending')
for (const approval of pending) console.log(`  npx -y pnpm@12.21.0 signoff approvals approve ${approval.id}`)
console.log(`  npx -y pnpm@12.21.0 signoff approvals reject <id> --reason "Outside the refund window"\n`)
const progress = setInterval(() => {
  console.log(`… ${open} job(s) still waiting after ${Math.round((Date.now() - started) / 1000)} s`)
}, 30_000)

try {
  await Promise.all(jobs)
  console.log(`\nAll jobs done. The watcher made ${watcher.stats.requests} API request(s) while they waited.`)
} finally {
  clearInterval(progress)
  watcher.close()
  receiver.closeAllConnections()
  receiver.close()
  await server.close()
}
