// Webhooks end to end: a receiver built with createWebhookHandler, and a mock PromptRails
// server that sends it signed events while a gated agent runs and a person approves. Every
// call is real HTTP on 127.0.0.1; only the PromptRails server is a mock.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Signoff } from '@signoff/client'
import { startMockServer } from '@signoff/mock/node'
import { createWebhookHandler } from '@signoff/node'
import { arrivals, short } from './arrivals.ts'

// A fresh signing secret for this run, shaped like the one a real endpoint is given. It is
// shared by sender and receiver and never printed.
const secret = `whsec_${Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64')}`
const events = arrivals()

// If a webhook never comes, say so instead of hanging.
setTimeout(() => {
  console.error('No webhook arrived within 10 s.')
  process.exit(1)
}, 10_000).unref()

const receiver = createServer(
  createWebhookHandler({
    secret,
    on: {
      'execution.awaiting_approval': (event) => events.arrived(event),
      'approval.decided': (event) => events.arrived(event),
      'approval.expired': (event) => events.arrived(event),
    },
    onError: (error) => console.error(`receiver: ${String(error)}`),
  }),
)
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks`
const server = await startMockServer({ webhooks: [{ url: receiverUrl, secret }] })

try {
  console.log('Signoff webhook receiver: signed events from PromptRails, verified as they arrive')
  console.log(`Receiver at ${receiverUrl}; mock PromptRails API at ${server.url}\n`)

  const client = new Signoff({ apiKey: server.mock.store.defaults.apiKey, baseUrl: server.url })
  const agent = server.mock.store.createAgent({
    name: 'Support replies',
    config: { approval_required: true, checkpoint_name: 'review_response' },
  })

  const execution = await client.agents.execute({ agent_id: agent.id, input: { message: 'Where is my order #1042?' } })
  console.log(`→ ran the agent: execution ${short(execution.id)} is ${execution.status}`)
  const waiting = await events.next('execution.awaiting_approval')

  // The webhook says what waits for a decision: no polling needed.
  const decided = await client.approvals.decide({ approval_id: waiting.data.approval.id, decision: 'approved', reason: 'Accurate and polite' })
  console.log(`→ approved approval ${short(decided.id)}`)
  await events.next('approval.decided')

  await server.mock.idle()
  console.log('\nThe mock\'s delivery log:')
  for (const delivery of server.mock.store.deliveries) {
    const statuses = delivery.attempts.map((attempt) => ('status' in attempt ? attempt.status : attempt.error)).join(', ')
    const outcome = delivery.delivered ? 'delivered' : 'not delivered'
    console.log(`   ${delivery.type.padEnd(28)} ${outcome} after ${delivery.attempts.length} attempt(s): ${statuses}`)
  }
} finally {
  await server.close()
  receiver.closeAllConnections()
  receiver.close()
}
