// bench/durable/sweep.ts: the length of one @signoff/bullmq sweep over many pages of pending
// approvals, with the pages after the first read one at a time (the baseline) and
// `sweepConcurrency` at a time, against the mock over real HTTP in a thread of its own. No job
// is parked, so this runs in seconds where bench/durable parks 100,000 jobs first.
// Size: --pending N or BENCH_SWEEP_PENDING (default 25,000: 250 pages of 100);
// BENCH_RTT_MS delays each request, as the distance to a remote API would.
import { parseArgs } from 'node:util'
import { ApprovalGate } from '@signoff/bullmq'
import { startRedis } from '../../scripts/redis.ts'
import { format, median, printTable } from '../lib/measure.ts'
import { pendingWorld, pooledClient } from '../waiters/setup.ts'
import { connectionOf } from './cluster.ts'

const { values } = parseArgs({ options: { pending: { type: 'string' }, runs: { type: 'string' } } })
const PENDING = Number(values.pending ?? process.env['BENCH_SWEEP_PENDING'] ?? 25_000)
const RUNS = Number(values.runs ?? 5)
const CONCURRENCIES = [1, 4, 8]

const redis = await startRedis()
const world = await pendingWorld(PENDING)
const client = pooledClient(world)
const connection = connectionOf(redis.url)
const rtt = Number(process.env['BENCH_RTT_MS'] ?? 0)
console.log(`bench/durable/sweep: ${format(PENDING, 0)} pending approvals, pages of 100, round trip +${rtt} ms, ${RUNS} sweeps each\n`)

const gates = CONCURRENCIES.map((sweepConcurrency) => new ApprovalGate(client, { connection, prefix: 'bench-sweep', sweepConcurrency }))
const times = CONCURRENCIES.map(() => [] as number[])
const requests = CONCURRENCIES.map(() => 0)
// One warm-up sweep, then the settings take turns, so the machine's load spreads over all of them.
await gates[0]?.sweep()
for (let run = 0; run < RUNS; run++) {
  for (const [index, gate] of gates.entries()) {
    const started = performance.now()
    const result = await gate.sweep()
    times[index]?.push(performance.now() - started)
    requests[index] = result.requests
  }
}
for (const gate of gates) await gate.close()
await world.close()
await redis.stop()

const baseline = median(times[0] ?? [])
printTable(
  ['sweepConcurrency', 'requests per sweep', 'one sweep, median', 'speed-up against one at a time'],
  CONCURRENCIES.map((concurrency, index) => {
    const ms = median(times[index] ?? [])
    return [String(concurrency), format(requests[index] ?? 0, 0), `${format(ms, 0)} ms`, `${format(baseline / ms, 2)}×`]
  }),
)
