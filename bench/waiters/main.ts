// bench/waiters: 10,000 jobs waiting for a person at once, against the mock over real HTTP.
// 1. API requests per poll interval: one ApprovalWatcher for all of them, against one
//    waitForDecision poll loop per job (the baseline).
// 2. Time from a decision to the waiting job waking: by the watcher's poll, and by a webhook
//    handed to the watcher through createWebhookHandler.
// Prints figures and ratios; asserts nothing.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { ApprovalWatcher, createWebhookHandler, waitForDecision } from '@signoff/node'
import { format, median, printTable } from '../lib/measure.ts'
import { pause, pendingWorld, percentile, pooledClient, unexpectedEnd } from './setup.ts'

const WAITS = Number(process.env['BENCH_WAITS'] ?? 10_000)
const INTERVAL = Number(process.env['BENCH_INTERVAL_MS'] ?? 5_000)
const WAKES = Number(process.env['BENCH_WAKES'] ?? 20)
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'

console.log(`bench/waiters: ${format(WAITS, 0)} concurrent waits, poll interval ${format(INTERVAL / 1000)} s, mock over HTTP on 127.0.0.1\n`)

/** Requests the mock answered per interval while every job waits, after one interval to settle. */
async function requestsPerInterval(strategy: 'watcher' | 'per-job'): Promise<number> {
  const { server, approvalIds } = await pendingWorld(WAITS)
  const client = pooledClient(server)
  const controller = new AbortController()
  const watcher = new ApprovalWatcher(client, { interval: INTERVAL })
  const options = { interval: INTERVAL, maxInterval: INTERVAL, signal: controller.signal }
  const waits = approvalIds.map((id) =>
    (strategy === 'watcher' ? watcher.wait({ approval_id: id }) : waitForDecision(client, { approval_id: id }, options)).catch(unexpectedEnd),
  )
  await pause(INTERVAL)
  server.mock.clearRequests()
  await pause(2 * INTERVAL)
  const requests = server.mock.requests.length / 2
  watcher.close()
  controller.abort()
  await Promise.all(waits)
  await server.close()
  return requests
}

const watcherRequests = await requestsPerInterval('watcher')
const perJobRequests = await requestsPerInterval('per-job')
printTable(['strategy', 'requests per interval', 'per waiting job', 'ratio'], [
  ['one ApprovalWatcher', format(watcherRequests, 0), format(watcherRequests / WAITS, 3), '1.0×'],
  ['waitForDecision per job (baseline)', format(perJobRequests, 0), format(perJobRequests / WAITS, 3), `${format(perJobRequests / watcherRequests)}×`],
])

// Wake-up latency, with every wait outstanding so each sweep pages through all of them.
const { server, approvalIds } = await pendingWorld(WAITS)
const client = pooledClient(server)
const watcher = new ApprovalWatcher(client, { interval: INTERVAL })
const woken = new Map<string, number>()
const waits = approvalIds.map((id) =>
  watcher.wait({ approval_id: id }).then(() => woken.set(id, performance.now()), unexpectedEnd),
)

/** Decides `ids` one by one at random moments within an interval each; returns the wake latencies. */
async function wakeLatencies(ids: readonly string[]): Promise<number[]> {
  const latencies: number[] = []
  for (const id of ids) {
    await pause(Math.random() * INTERVAL)
    const decided = performance.now()
    await client.approvals.decide(id, { decision: 'approved' })
    while (!woken.has(id)) await pause(1)
    latencies.push((woken.get(id) ?? decided) - decided)
  }
  return latencies
}

console.log(`\nwaking ${WAKES} jobs by poll, then ${WAKES} by webhook (decisions at random moments)…`)
const byPoll = await wakeLatencies(approvalIds.slice(0, WAKES))
const receiver = createServer(createWebhookHandler({ secret: SECRET, on: watcher.webhookHandlers() }))
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
server.mock.store.addWebhookEndpoint({ url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`, secret: SECRET })
const byWebhook = await wakeLatencies(approvalIds.slice(WAKES, 2 * WAKES))

const pollMedian = median(byPoll)
const webhookMedian = median(byWebhook)
printTable(['woken by', 'median ms', 'p95 ms', 'ratio (median)'], [
  ['webhook to createWebhookHandler', format(webhookMedian), format(percentile(byWebhook, 0.95)), '1.0×'],
  [`watcher poll (interval ${format(INTERVAL / 1000)} s)`, format(pollMedian), format(percentile(byPoll, 0.95)), `${format(pollMedian / webhookMedian)}×`],
])

watcher.close()
await Promise.all(waits)
receiver.closeAllConnections()
await new Promise((resolve) => receiver.close(resolve))
await server.close()
