// bench/durable: many jobs parked at a person's approval through @signoff/bullmq, across 4
// worker processes, against the mock over real HTTP; and the same waits in one
// ApprovalWatcher, the in-process baseline. Prints figures and ratios; asserts nothing.
// Size: --jobs N or BENCH_DURABLE_JOBS (default 100,000); wake samples: BENCH_DURABLE_WAKES.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { parseArgs } from 'node:util'
import { ApprovalGate } from '@signoff/bullmq'
import { ApprovalWatcher, createWebhookHandler, type WebhookHandlers } from '@signoff/node'
import type { Signoff } from '@signoff/client'
import type { ThreadedMock } from '../lib/mock-thread.ts'
import { Queue } from 'bullmq'
import { startRedis } from '../../scripts/redis.ts'
import { format, median, printTable } from '../lib/measure.ts'
import { pause, pendingWorld, percentile, pooledClient } from '../waiters/setup.ts'
import { commandsPer, connectionOf, PREFIX, QUEUE, redisCommands, redisCpuSeconds, redisMemory, workersCpuSeconds, startWorkers, stopWorkers, until } from './cluster.ts'

const { values } = parseArgs({ options: { jobs: { type: 'string' } } })
const JOBS = Number(values.jobs ?? process.env['BENCH_DURABLE_JOBS'] ?? 100_000)
const WAKES = Number(process.env['BENCH_DURABLE_WAKES'] ?? 30)
const WORKERS = 4
const SWEEP_MS = 2_000
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'

console.log(`bench/durable: ${format(JOBS, 0)} waits, ${WORKERS} worker processes, mock over HTTP on 127.0.0.1 (its own thread)\n`)

/** Starts a webhook receiver in this process; the mock delivers decisions to it. */
async function receiveWebhooks(server: ThreadedMock, on: WebhookHandlers<unknown>): Promise<() => Promise<void>> {
  const receiver = createServer(createWebhookHandler({ secret: SECRET, on }))
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks`
  const endpoint = await server.addWebhookEndpoint({ url, secret: SECRET, events: ['approval.decided'] })
  return async () => {
    await server.removeWebhookEndpoint(endpoint)
    receiver.closeAllConnections()
    receiver.close()
  }
}

/** Decides each id in turn and measures, in ms, until `finished(id)` gives a time. */
async function wakeLatencies(client: Signoff, ids: readonly string[], finished: (id: string) => Promise<number | undefined>, spread = 0): Promise<number[]> {
  const latencies: number[] = []
  for (const id of ids) {
    if (spread > 0) await pause(Math.random() * spread)
    const decided = Date.now()
    await client.approvals.decide(id, { decision: 'approved' })
    let at: number | undefined
    while ((at = await finished(id)) === undefined) await pause(5)
    latencies.push(at - decided)
  }
  return latencies
}

async function decideAll(client: Signoff, ids: readonly string[]): Promise<void> {
  let next = 0
  const decider = async () => {
    while (next < ids.length) await client.approvals.decide(ids[next++] ?? '', { decision: 'approved' })
  }
  await Promise.all(Array.from({ length: 32 }, decider))
}

const spread = (latencies: number[]) => `${format(median(latencies), 0)} / ${format(percentile(latencies, 0.95), 0)} ms`

// ---- @signoff/bullmq ----
const redis = await startRedis()
const connection = connectionOf(redis.url)
const durable = await pendingWorld(JOBS)
const client = pooledClient(durable)
const queue = new Queue<{ approvalId: string }>(QUEUE, { connection, prefix: PREFIX })
await queue.obliterate({ force: true })
const gate = new ApprovalGate(client, { connection, prefix: PREFIX, sweepInterval: SWEEP_MS })
const workers = await startWorkers(WORKERS, redis.url, durable)
const memoryBefore = await redisMemory(queue)
const commandsBefore = await redisCommands(redis.url)
await durable.clearRequests()
const cpuBefore = { workers: await workersCpuSeconds(workers), redis: await redisCpuSeconds(queue), here: process.cpuUsage() }

let started = performance.now()
const jobIds = new Map<string, string>()
for (let start = 0; start < JOBS; start += 1_000) {
  const slice = durable.approvalIds.slice(start, start + 1_000)
  const jobs = await queue.addBulk(slice.map((approvalId) => ({ name: 'wait', data: { approvalId } })))
  for (const [index, job] of jobs.entries()) jobIds.set(slice[index] ?? '', job.id ?? '')
}
await until(async () => (await queue.getDelayedCount()) === JOBS, async () => `${format(await queue.getDelayedCount(), 0)} parked`)
const parkMs = performance.now() - started
const bytesPerJob = ((await redisMemory(queue)) - memoryBefore) / JOBS
// What one park costs: API requests the mock answered, and Redis commands (a script is one).
const requestsPerPark = (await durable.requestCount()) / JOBS
const commandsPerPark = commandsPer(commandsBefore, await redisCommands(redis.url), JOBS)
// Where parking's CPU goes, in ms per parked job: the 4 workers, Redis, and this process (the
// mock's thread answering the workers, and this thread adding the jobs and counting them).
const hereUsage = process.cpuUsage(cpuBefore.here)
const cpuPerPark = {
  workers: ((await workersCpuSeconds(workers)) - cpuBefore.workers) * 1000 / JOBS,
  redis: ((await redisCpuSeconds(queue)) - cpuBefore.redis) * 1000 / JOBS,
  here: (hereUsage.user + hereUsage.system) / 1000 / JOBS,
}

started = performance.now()
const sweep = await gate.sweep()
const sweepMs = performance.now() - started

const finishedOn = async (approvalId: string) => (await queue.getJob(jobIds.get(approvalId) ?? ''))?.finishedOn ?? undefined
let remaining = [...durable.approvalIds]
const take = (count: number) => remaining.splice(0, count)

const stopReceiving = await receiveWebhooks(durable, gate.webhookHandlers())
const byWebhook = await wakeLatencies(client, take(WAKES), finishedOn)
await stopReceiving()
await gate.startSweeper()
const bySweep = await wakeLatencies(client, take(Math.max(3, Math.round(WAKES / 3))), finishedOn, SWEEP_MS)
await gate.stopSweeper()

const rest = take(remaining.length)
await decideAll(client, rest)
started = performance.now()
await gate.sweep()
await until(async () => (await queue.getCompletedCount()) === JOBS, async () => `${format(await queue.getCompletedCount(), 0)} done`)
const drainMs = performance.now() - started

await stopWorkers(workers)
await gate.close()
await queue.obliterate({ force: true })
await queue.close()
await durable.close()
await redis.stop()

// ---- baseline: one ApprovalWatcher in one process ----
const baseline = await pendingWorld(JOBS)
const baselineClient = pooledClient(baseline)
const watcher = new ApprovalWatcher(baselineClient, { interval: SWEEP_MS })
globalThis.gc?.()
const heapBefore = process.memoryUsage().heapUsed
const woken = new Map<string, number>()
started = performance.now()
const waits = baseline.approvalIds.map((id) => watcher.wait({ approval_id: id }).then(() => void woken.set(id, Date.now())))
const registerMs = performance.now() - started
globalThis.gc?.()
const heapPerWait = (process.memoryUsage().heapUsed - heapBefore) / JOBS
await until(async () => watcher.stats.sweeps >= 1)
const requestsPerSweep = watcher.stats.requests / watcher.stats.sweeps
remaining = [...baseline.approvalIds]
const stopBaseline = await receiveWebhooks(baseline, watcher.webhookHandlers())
const watcherWoken = async (id: string) => woken.get(id)
const baselineWebhook = await wakeLatencies(baselineClient, take(WAKES), watcherWoken)
await stopBaseline()
const baselinePoll = await wakeLatencies(baselineClient, take(Math.max(3, Math.round(WAKES / 3))), watcherWoken, SWEEP_MS)
await decideAll(baselineClient, take(remaining.length))
started = performance.now()
await Promise.all(waits)
const baselineDrainMs = performance.now() - started
watcher.close()
await baseline.close()

const ratio = (ours: number, theirs: number) => `${format(ours / theirs)}×`
printTable(['figure', '@signoff/bullmq, 4 workers', 'ApprovalWatcher (baseline)', 'ratio'], [
  ['time to park / register every wait', `${format(parkMs / 1000)} s`, `${format(registerMs / 1000, 2)} s`, ratio(parkMs, registerMs)],
  ['API requests per park', format(requestsPerPark, 2), '0 (one list per sweep)', ''],
  ['Redis commands per park (inside scripts too)', format(commandsPerPark.reduce((sum, [, perJob]) => sum + perJob, 0), 2), '', ''],
  ['CPU per park: workers / Redis / mock and bench', `${format(cpuPerPark.workers, 2)} / ${format(cpuPerPark.redis, 2)} / ${format(cpuPerPark.here, 2)} ms`, '', ''],
  ['memory per waiting job', `${format(bytesPerJob, 0)} B of Redis`, `${format(heapPerWait, 0)} B of heap`, ratio(bytesPerJob, heapPerWait)],
  ['API requests per sweep', `${format(sweep.requests, 0)} (pending ${format(sweep.pending, 0)})`, format(requestsPerSweep, 0), ratio(sweep.requests, requestsPerSweep)],
  ['one sweep, all waits pending', `${format(sweepMs / 1000, 2)} s`, '', ''],
  [`wake by webhook, median / p95 (${byWebhook.length})`, spread(byWebhook), spread(baselineWebhook), ratio(median(byWebhook), median(baselineWebhook))],
  [`wake by sweep / poll every ${SWEEP_MS / 1000} s (${bySweep.length})`, spread(bySweep), spread(baselinePoll), ratio(median(bySweep), median(baselinePoll))],
  [`drain ${format(rest.length, 0)} decided waits`, `${format(drainMs / 1000)} s`, `${format(baselineDrainMs / 1000)} s`, ratio(drainMs, baselineDrainMs)],
])
console.log(`\nRedis commands per park: ${commandsPerPark.map(([name, perJob]) => `${name} ${format(perJob, 2)}`).join(', ')}`)
console.log('The gate\'s waits survive a restart of every process (they live in Redis); the watcher\'s do not.')
console.log('A drain of the gate is one sweep that wakes every job, then the 4 workers finishing them.')
