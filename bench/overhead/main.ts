// What the client costs per call: `client.approvals.list` (ky, retries, schema validation)
// against raw `fetch` + `JSON.parse` of the same 100-approval page, and against the floor of
// any client built on the same dependencies: ky's `.json(schema)` with the same zod/mini list
// schema. The server runs in a child process, so what is timed here is the client alone.
// Prints times per call and ratios (the median of the rounds' own ratios, with their spread);
// asserts nothing.
import { fork } from 'node:child_process'
import { once } from 'node:events'
import { Signoff } from '@signoff/client'
import { ApprovalRequestSchema, listEnvelope } from '@signoff/schemas'
import ky from 'ky'
import { format, median, printTable, timeRuns } from '../lib/measure.ts'
import { PAGE_SIZE } from './server.ts'

const CALLS = Number(process.env['BENCH_CALLS'] ?? 1_000)
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 21)
const API_KEY = 'pr_key_bench'

const gc = (globalThis as { gc?: () => void }).gc
if (gc === undefined) throw new Error('bench/overhead needs node --expose-gc (npx -y pnpm@12.21.0 run bench:overhead passes it)')

const server = fork(new URL('./server.ts', import.meta.url), { stdio: 'inherit' })
const [ready] = (await once(server, 'message')) as [{ url: string; bytes: number }]
const baseUrl = ready.url

const ListSchema = listEnvelope(ApprovalRequestSchema)
const client = new Signoff({ apiKey: API_KEY, baseUrl })
const url = `${baseUrl}/api/v1/approvals?status=pending&page=1`
const paths: Record<string, () => Promise<unknown>> = {
  raw: async () => {
    const response = await fetch(url, { headers: { 'x-api-key': API_KEY } })
    return JSON.parse(await response.text()) as unknown
  },
  floor: () =>
    ky.get(`${baseUrl}/api/v1/approvals`, { headers: { 'x-api-key': API_KEY }, searchParams: { status: 'pending', page: 1 } })
      .json(ListSchema)
      .then((page) => page.data),
  sdk: () => client.approvals.list({ status: 'pending' }).then((page) => page.data),
}

// One round of one path: its calls, then a full GC that is counted too, so each path pays for
// collecting its own garbage (not the next path's round) and every round starts from the same
// heap. Gives ms per call of wall time and of this process's CPU time (all its threads, GC
// helpers included): CPU time does not grow when other work on the machine takes the cores.
async function timeRound(concurrency: number, task: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const cpuBefore = process.cpuUsage()
  const elapsed = await timeRuns(CALLS, concurrency, task)
  const start = performance.now()
  gc?.()
  const cpu = process.cpuUsage(cpuBefore)
  return { wall: (elapsed + performance.now() - start) / CALLS, cpu: (cpu.user + cpu.system) / 1000 / CALLS }
}

// The middle of the rounds' ratios, and the range of their middle half.
function summary(values: number[]): { median: number; low: number; high: number } {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (fraction: number) => sorted[Math.round(fraction * (sorted.length - 1))] ?? 0
  return { median: median(sorted), low: at(0.25), high: at(0.75) }
}
const ratio = (values: number[]) => {
  const { median: middle, low, high } = summary(values)
  return `${format(middle, 2)}× (${format(low, 2)}–${format(high, 2)})`
}

console.log(`bench/overhead: ${ROUNDS} rounds of ${CALLS} calls per path, a ${PAGE_SIZE}-approval page (${format(ready.bytes / 1024)} KiB) from a server in its own process\n`)
const entries = Object.entries(paths)
const tables: Record<'wall' | 'cpu', string[][]> = { wall: [], cpu: [] }
for (const concurrency of [1, 32]) {
  const rounds: Record<string, { wall: number; cpu: number }[]> = Object.fromEntries(entries.map(([name]) => [name, []]))
  for (const task of Object.values(paths)) await timeRuns(500, concurrency, task) // warm every path
  // The paths take turns within each round, starting one later each round, so load on the
  // machine and any order effect fall on all three alike; each round's ratios compare times
  // taken seconds apart.
  for (let round = 0; round < ROUNDS; round++) {
    for (let turn = 0; turn < entries.length; turn++) {
      const entry = entries[(round + turn) % entries.length]
      if (entry !== undefined) rounds[entry[0]]?.push(await timeRound(concurrency, entry[1]))
    }
  }
  for (const measure of ['wall', 'cpu'] as const) {
    const [raw, floor, sdk] = ['raw', 'floor', 'sdk'].map((name) => (rounds[name] ?? []).map((round) => round[measure]))
    const over = (a: number[] = [], b: number[] = []) => a.map((value, round) => value / (b[round] ?? Number.NaN))
    const time = (values: number[] = []) => `${format(median(values) * 1000, 0)} µs`
    tables[measure].push([
      concurrency === 1 ? 'sequential' : `concurrency ${concurrency}`,
      time(raw), time(floor), time(sdk),
      ratio(over(floor, raw)), ratio(over(sdk, raw)), ratio(over(sdk, floor)),
    ])
  }
}
const header = ['fetch + JSON.parse', 'ky .json(schema)', 'client.approvals.list', 'floor / raw', 'client / raw', 'client / floor']
printTable(['time per call', ...header], tables.wall)
console.log('')
printTable(['CPU per call', ...header], tables.cpu)
console.log('\nTimes are medians per call; each ratio is the median of the rounds\' own ratios, with the middle half of the rounds in brackets.')
console.log('The floor is ky with the same zod/mini list schema and no client code; raw, floor and client are measured the same way, a full GC ending each round.')
server.disconnect()
