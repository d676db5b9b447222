// ApprovalWatcher against the mock's real HTTP server: many waits, one poll loop, webhook wake-ups.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { NotFoundError, Signoff } from '@signoff/client'
import { startMockServer, type MockServer } from '@signoff/mock/node'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { ApprovalWatcher, WaitAbortedError, WaitTimeoutError, WatcherClosedError, createWebhookHandler } from '../../src/index.js'

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
let server: MockServer
let client: Signoff
let agentId: string
let watcher: ApprovalWatcher | undefined
let receiver: Server | undefined

beforeEach(async () => {
  server = await startMockServer()
  client = new Signoff({ apiKey: server.mock.store.defaults.apiKey, baseUrl: server.url, maxRetries: 0 })
  const config = { approval_required: true, checkpoint_name: 'review', approval_expires_in_seconds: 3600 }
  agentId = server.mock.store.createAgent({ name: 'Refund bot', config }).id
})
afterEach(async () => {
  watcher?.close()
  receiver?.closeAllConnections()
  await new Promise((resolve) => (receiver ? receiver.close(resolve) : resolve(undefined)))
  receiver = undefined
  await server.close()
})

async function paused(count: number): Promise<{ executionId: string; approvalId: string }[]> {
  const runs = []
  for (let index = 0; index < count; index++) {
    const execution = await client.agents.execute({ agent_id: agentId, input: { message: `question ${index}` } })
    runs.push({ executionId: execution.id, approvalId: (await client.executions.pending_approval(execution.id)).id })
  }
  return runs
}

const listReads = () => server.mock.requests.filter((request) => request.method === 'GET' && request.path.startsWith('/api/v1/approvals?'))

it('serves every wait from one sweep per interval, however many jobs wait, and wakes each with its own decision', async () => {
  const runs = await paused(150)
  watcher = new ApprovalWatcher(client, { interval: 20, pageSize: 100 })
  const waits = runs.map((run, index) =>
    index % 2 === 0 ? watcher!.wait({ approval_id: run.approvalId }) : watcher!.wait({ execution_id: run.executionId }),
  )
  server.mock.clearRequests()
  await vi.waitFor(() => expect(watcher!.stats.sweeps).toBeGreaterThanOrEqual(3))
  const sweeps = watcher.stats.sweeps
  // 150 pending approvals in pages of 100: two reads a sweep, not one per waiting job.
  expect(listReads().length).toBeGreaterThanOrEqual(2 * sweeps)
  expect(listReads().length).toBeLessThanOrEqual(2 * (sweeps + 1))
  expect(server.mock.requests.length).toBe(listReads().length)

  for (const [index, run] of runs.entries()) {
    await client.approvals.decide(run.approvalId, { decision: index % 3 === 0 ? 'rejected' : 'approved', reason: `r${index}` })
  }
  const approvals = await Promise.all(waits)
  for (const [index, approval] of approvals.entries()) {
    expect(approval).toMatchObject({ id: runs[index]?.approvalId, status: index % 3 === 0 ? 'rejected' : 'approved', reason: `r${index}` })
  }
  // Nothing is held for settled waits, and the loop picks up again for the next one.
  expect(watcher.stats.waiting).toBe(0)
  const [later] = await paused(1)
  const next = watcher.wait({ approval_id: later!.approvalId })
  await client.approvals.decide(later!.approvalId, { decision: 'approved' })
  expect(await next).toMatchObject({ id: later!.approvalId, status: 'approved' })
})

it('wakes waiters the moment a webhook arrives, without waiting for the next sweep', async () => {
  watcher = new ApprovalWatcher(client, { interval: 60_000 })
  receiver = createServer(createWebhookHandler({ secret: SECRET, on: watcher.webhookHandlers() }))
  await new Promise<void>((resolve) => receiver!.listen(0, '127.0.0.1', resolve))
  server.mock.store.addWebhookEndpoint({ url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`, secret: SECRET })
  const [approved, expiring] = await paused(2)

  const wait = watcher.wait({ execution_id: approved!.executionId })
  const started = performance.now()
  await client.approvals.decide(approved!.approvalId, { decision: 'approved' })
  expect(await wait).toMatchObject({ id: approved!.approvalId, status: 'approved' })
  // Woken by the delivery: no sweep ran (the interval is a minute).
  expect(watcher.stats.sweeps).toBe(0)
  expect(performance.now() - started).toBeLessThan(30_000)

  // An event handed over directly works the same, for expiry too.
  const expiry = watcher.wait({ approval_id: expiring!.approvalId })
  const approval = server.mock.store.getApproval(expiring!.approvalId)!
  const execution = server.mock.store.getExecution(expiring!.executionId)!
  await watcher.handle({
    type: 'approval.expired',
    timestamp: new Date().toISOString(),
    data: { approval: { ...approval, status: 'expired' }, execution: { id: execution.id, agent_id: execution.agent_id, status: 'failed' } },
  })
  expect(await expiry).toMatchObject({ id: expiring!.approvalId, status: 'expired' })
})

it('keeps every wait through failing sweeps, and ends a wait that cannot succeed', async () => {
  const [run] = await paused(1)
  watcher = new ApprovalWatcher(client, { interval: 10 })
  server.mock.faults.configure({ rules: [{ route: 'GET /approvals', schedule: ['server_error', 'reset', 'rate_limit', 'not_json'] }] })
  const wait = watcher.wait({ approval_id: run!.approvalId })
  const unknown = watcher.wait({ approval_id: '2Nz3qkGXBtBLqYuwKyWqu9BFWaE' })
  await expect(unknown).rejects.toThrow(NotFoundError)
  await vi.waitFor(() => expect(Object.values(server.mock.faults.counts).reduce((a, b) => a + (b ?? 0), 0)).toBe(4))
  await client.approvals.decide(run!.approvalId, { decision: 'approved' })
  expect(await wait).toMatchObject({ status: 'approved' })
})

it('ends one wait on its timeout or signal, the others on close, each with its own error', async () => {
  const runs = await paused(3)
  watcher = new ApprovalWatcher(client, { interval: 10 })
  const controller = new AbortController()
  const timed = watcher.wait({ approval_id: runs[0]!.approvalId }, { timeout: 40 })
  const aborted = watcher.wait({ approval_id: runs[1]!.approvalId }, { signal: controller.signal })
  const open = watcher.wait({ execution_id: runs[2]!.executionId })
  controller.abort()
  await expect(aborted).rejects.toThrow(WaitAbortedError)
  await expect(timed).rejects.toThrow(WaitTimeoutError)
  expect(watcher.stats.waiting).toBe(1)

  watcher.close()
  await expect(open).rejects.toThrow(WatcherClosedError)
  await expect(watcher.wait({ approval_id: runs[2]!.approvalId })).rejects.toThrow(WatcherClosedError)
  expect(watcher.stats.waiting).toBe(0)
  // Closed means quiet: once a request already on the wire has landed, nothing more is sent.
  await new Promise((resolve) => setTimeout(resolve, 20))
  const seen = server.mock.requests.length
  await new Promise((resolve) => setTimeout(resolve, 50))
  expect(server.mock.requests.length).toBe(seen)
})
