// bench/waiters: 50,000 jobs waiting for a person at once, against the mock over real HTTP.
// 1. API requests per poll interval: one ApprovalWatcher for all of them, against the goal of
//    ceil(pending / pageSize) and against a watcher reading its pages one at a time; and one
//    waitForDecision poll loop per job (the baseline, with fewer jobs: see BENCH_BASELINE_WAITS).
// 2. Time from a decision to the waiting job waking: by the watcher's poll, against the poll
//    interval, and by a webhook handed to the watcher through createWebhookHandler.
// Prints figures and ratios; asserts nothing.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { ApprovalWatcher, createWebhookHandler, waitForDecision } from '@signoff/node'
import { format, median, printTable } from '../lib/measure.ts'
import { pause, pendingWorld, percentile, pooledClient, unexpectedEnd } from './setup.ts'

const WAITS = Number(process.env['BENCH_WAITS'] ?? 50_000)
const BASELINE_WAITS = Math.min(WAITS, Number(process.env['BENCH_BASELINE_WAITS'] ?? 10_000))
const INTERVAL = Number(process.env['BENCH_INTERVAL_MS'] ?? 5_000)
const WAKES = Number(process.env['BENCH_WAKES'] ?? 20)
const PAGE_SIZE = 100
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'

const RTT = Number(process.env['BENCH_RTT_MS'] ?? 0)
console.log(`bench/waiters: ${format(WAITS, 0)} concurrent waits, poll interval ${format(INTERVAL / 1000)} s, mock over HTTP on 127.0.0.1 (its own thread)${RTT > 0 ? `, ${RTT} ms added to each request` : ''}\n`)

/**
 * The watcher's requests per sweep, how long a sweep takes, and sweeps per interval, over two
 * whole sweeps once every job waits. A sweep's start is its first request (the count moves
 * past where the last sweep ended): starts keep to the schedule's ticks, where ends move with
 * each sweep's length, so the period is timed from start to start.
 */
async function watcherPace(waits: number, concurrency: number): Promise<{ perSweep: number; sweepMs: number; sweepsPerInterval: number }> {
  const server = await pendingWorld(waits)
  const watcher = new ApprovalWatcher(pooledClient(server), { interval: INTERVAL, pageSize: PAGE_SIZE, concurrency })
  const pending = server.approvalIds.map((id) => watcher.wait({ approval_id: id }).catch(unexpectedEnd))
  const sample = () => ({ at: performance.now(), sweeps: watcher.stats.sweeps, requests: watcher.stats.requests })
  const once = async (check: (now: ReturnType<typeof sample>) => boolean) => {
    let now = sample()
    while (!check(now)) {
      await pause(2)
      now = sample()
    }
    return now
  }
  const ended = (count: number) => once((now) => now.sweeps >= count)
  const startedAfter = (last: ReturnType<typeof sample>) => once((now) => now.requests > last.requests)
  const first = await ended(1)
  const secondStart = await startedAfter(first)
  const second = await ended(2)
  const thirdStart = await startedAfter(second)
  const third = await ended(3)
  const fourthStart = await startedAfter(third)
  watcher.close()
  await Promise.all(pending)
  await server.close()
  return {
    perSweep: (third.requests - first.requests) / 2,
    sweepMs: (second.at - secondStart.at + (third.at - thirdStart.at)) / 2,
    sweepsPerInterval: INTERVAL / ((fourthStart.at - secondStart.at) / 2),
  }
}

/** Requests the mock answered per interval with one waitForDecision loop per job, after one interval to settle. */
async function perJobRequests(waits: number): Promise<number> {
  const server = await pendingWorld(waits)
  const { approvalIds } = server
  const client = pooledClient(server)
  const controller = new AbortController()
  const options = { interval: INTERVAL, maxInterval: INTERVAL, signal: controller.signal }
  const pending = approvalIds.map((id) => waitForDecision(client, { approval_id: id }, options).catch(unexpectedEnd))
  await pause(INTERVAL)
  await server.clearRequests()
  await pause(2 * INTERVAL)
  const requests = (await server.requestCount()) / 2
  controller.abort()
  await Promise.all(pending)
  await server.close()
  return requests
}

const goal = Math.ceil(WAITS / PAGE_SIZE)
const rows = []
for (const [label, concurrency] of [['ApprovalWatcher, pages 4 at a time', 4], ['ApprovalWatcher, pages one at a time', 1]] as const) {
  const { perSweep, sweepMs, sweepsPerInterval } = await watcherPace(WAITS, concurrency)
  const requests = perSweep * Math.min(1, sweepsPerInterval)
  rows.push([label, format(WAITS, 0), format(perSweep, 0), `${format(sweepMs / 1000, 2)} s`, format(sweepsPerInterval, 2), format(requests, 0), format(requests / WAITS, 3), `${format(requests / goal, 2)}×`])
}
const perJob = await perJobRequests(BASELINE_WAITS)
printTable(['strategy', 'waits', 'requests per sweep', 'one sweep takes', 'sweeps per interval', 'requests per interval', 'per waiting job', 'ratio to goal'], [
  ['goal: ceil(pending / pageSize)', format(WAITS, 0), format(goal, 0), `≤ ${format(INTERVAL / 1000, 2)} s`, '1.00', format(goal, 0), format(goal / WAITS, 3), '1.00×'],
  ...rows,
  ['waitForDecision per job (baseline)', format(BASELINE_WAITS, 0), '-', '-', '-', format(perJob, 0), format(perJob / BASELINE_WAITS, 3), '-'],
])

// Wake-up latency, with every wait outstanding so each sweep pages through all of them.
const server = await pendingWorld(WAITS)
const { approvalIds } = server
const client = pooledClient(server)
const watcher = new ApprovalWatcher(client, { interval: INTERVAL, pageSize: PAGE_SIZE })
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
await server.addWebhookEndpoint({ url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`, secret: SECRET })
const byWebhook = await wakeLatencies(approvalIds.slice(WAKES, 2 * WAKES))

const pollMedian = median(byPoll)
const webhookMedian = median(byWebhook)
printTable(['woken by', 'median ms', 'p95 ms', 'median / interval', 'ratio (median)'], [
  ['webhook to createWebhookHandler', format(webhookMedian), format(percentile(byWebhook, 0.95)), format(webhookMedian / INTERVAL, 2), '1.0×'],
  [`watcher poll (interval ${format(INTERVAL / 1000)} s)`, format(pollMedian), format(percentile(byPoll, 0.95)), format(pollMedian / INTERVAL, 2), `${format(pollMedian / webhookMedian)}×`],
])

watcher.close()
await Promise.all(waits)
receiver.closeAllConnections()
await new Promise((resolve) => receiver.close(resolve))
await server.close()
