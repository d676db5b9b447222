// The whole webhook path over real HTTP: the mock server fires events, signs and POSTs them to a
// node:http server running createWebhookHandler, and retries the ones that fail. Failures are
// injected on the receiving side; the mock's clock drives the retries, so nothing waits for
// the backoff in real time.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Signoff } from '@signoff/client'
import { startMockServer, type MockServer } from '@signoff/mock/node'
import { afterEach, expect, it } from 'vitest'
import { createWebhookHandler } from '../../src/index.js'

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
const TIMEOUT_MS = 500

let receiver: Server | undefined
let mockServer: MockServer | undefined
afterEach(async () => {
  receiver?.closeAllConnections()
  await new Promise((resolve) => (receiver ? receiver.close(resolve) : resolve(undefined)))
  await mockServer?.close()
})

it('delivers every event to createWebhookHandler exactly once, through 503s, handler errors and a timeout', async () => {
  const handled: string[] = []
  const failedOnce = new Set<string>()
  const handler = createWebhookHandler({
    secret: SECRET,
    on: {
      'execution.awaiting_approval': (event) => {
        handled.push(`awaiting ${event.data.approval.id}`)
      },
      // The first try at each decision fails, as when a database is briefly down: 500, retried.
      'approval.decided': (event) => {
        const key = `decided ${event.data.approval.id} ${event.data.approval.status}`
        if (!failedOnce.has(key)) {
          failedOnce.add(key)
          throw new Error('database unavailable')
        }
        handled.push(key)
      },
      // The first try outlives the sender's timeout: the work is done, but the sender sees a
      // failure and redelivers; the receiver must recognise the id and not do it twice.
      'approval.expired': async (event) => {
        if (!failedOnce.has('slow')) {
          failedOnce.add('slow')
          await new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS + 100))
        }
        handled.push(`expired ${event.data.approval.id}`)
      },
    },
  })
  // In front of the handler, a proxy that turns away the first attempt of every other message.
  const seenIds = new Set<string>()
  let turnedAway = 0
  const proxy = (request: IncomingMessage, response: ServerResponse) => {
    const id = String(request.headers['webhook-id'])
    if (!seenIds.has(id)) {
      seenIds.add(id)
      if (seenIds.size % 2 === 1) {
        turnedAway += 1
        response.writeHead(503).end()
        return
      }
    }
    handler(request, response)
  }
  receiver = createServer(proxy)
  await new Promise<void>((resolve) => receiver?.listen(0, '127.0.0.1', resolve))
  const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks`

  let now = Date.now()
  mockServer = await startMockServer({
    clock: () => new Date(now),
    webhookTimeoutMs: TIMEOUT_MS,
    webhooks: [{ url: receiverUrl, secret: SECRET }],
  })
  const { mock } = mockServer
  const client = new Signoff({ apiKey: mock.store.defaults.apiKey, baseUrl: mockServer.url })
  const agent = mock.store.createAgent({
    name: 'Replies',
    config: { approval_required: true, checkpoint_name: 'review', approval_expires_in_seconds: 60 },
  })

  const approvals = []
  for (const message of ['first', 'second', 'third']) {
    const execution = await client.agents.execute({ agent_id: agent.id, input: { message } })
    approvals.push(await client.executions.pending_approval(execution.id))
  }
  const [toApprove, toReject, toExpire] = approvals
  if (!toApprove || !toReject || !toExpire) throw new Error('expected three approvals')
  await client.approvals.decide({ approval_id: toApprove.id, decision: 'approved' })
  await client.approvals.decide({ approval_id: toReject.id, decision: 'rejected' })
  now += 60_000
  expect((await client.approvals.get(toExpire.id)).status).toBe('expired')
  await mock.idle()

  // Drive the retries: jump the clock to the next one due, send it, repeat.
  for (let round = 0; round < 10; round++) {
    const due = mock.store.deliveries.flatMap((delivery) => (delivery.nextAttemptAt ? [Date.parse(delivery.nextAttemptAt)] : []))
    if (due.length === 0) break
    now = Math.max(now, Math.min(...due))
    await mock.deliverDue()
  }

  expect(handled.toSorted()).toEqual([
    `awaiting ${toApprove.id}`,
    `awaiting ${toExpire.id}`,
    `awaiting ${toReject.id}`,
    `decided ${toApprove.id} approved`,
    `decided ${toReject.id} rejected`,
    `expired ${toExpire.id}`,
  ].toSorted())

  const log = mock.store.deliveries
  expect(log).toHaveLength(6)
  expect(log.every((delivery) => delivery.delivered && delivery.nextAttemptAt === null)).toBe(true)
  expect(new Set(log.map((delivery) => delivery.id))).toEqual(seenIds)
  const outcomes = log.flatMap((delivery) => delivery.attempts.map((attempt) => ('status' in attempt ? attempt.status : attempt.error)))
  expect(outcomes.filter((outcome) => outcome === 503)).toHaveLength(turnedAway)
  expect(turnedAway).toBe(3)
  expect(outcomes.filter((outcome) => outcome === 500)).toHaveLength(2)
  expect(outcomes.filter((outcome) => outcome === `timeout after ${TIMEOUT_MS} ms`)).toHaveLength(1)
  expect(outcomes.filter((outcome) => outcome === 200)).toHaveLength(6)
  for (const delivery of log) expect(delivery.attempts.at(-1)).toMatchObject({ status: 200 })
})
