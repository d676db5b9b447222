// What the client costs per call: `client.approvals.list` (ky, retries, schema validation)
// against raw `fetch` + `JSON.parse` of the same 100-approval page, and against the floor of
// any client built on the same dependencies: ky's `.json(schema)` with the same zod/mini list
// schema. The server runs in a child process, so what is timed here is the client alone.
// Prints times per call and ratios; asserts nothing.
import { fork } from 'node:child_process'
import { once } from 'node:events'
import { Signoff } from '@signoff/client'
import { ApprovalRequestSchema, listEnvelope } from '@signoff/schemas'
import ky from 'ky'
import { format, median, printTable, timeRuns } from '../lib/measure.ts'
import { PAGE_SIZE } from './server.ts'

const CALLS = Number(process.env['BENCH_CALLS'] ?? 2_000)
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 5)
const API_KEY = 'pr_key_bench'

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

console.log(`bench/overhead: ${CALLS} calls per round, ${ROUNDS} rounds (median), a ${PAGE_SIZE}-approval page (${format(ready.bytes / 1024)} KiB) from a server in its own process\n`)
const rows: string[][] = []
for (const concurrency of [1, 32]) {
  const times: Record<string, number[]> = { raw: [], floor: [], sdk: [] }
  for (const task of Object.values(paths)) await timeRuns(300, concurrency, task) // warm every path
  // Rounds interleave the paths, so a burst of load on the machine hits all three alike.
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, task] of Object.entries(paths)) times[name]?.push(await timeRuns(CALLS, concurrency, task))
  }
  const perCall = (name: string) => median(times[name] ?? []) / CALLS
  const [raw, floor, sdk] = [perCall('raw'), perCall('floor'), perCall('sdk')]
  rows.push([
    concurrency === 1 ? 'sequential' : `concurrency ${concurrency}`,
    `${format(raw * 1000, 0)} µs`,
    `${format(floor * 1000, 0)} µs`,
    `${format(sdk * 1000, 0)} µs`,
    `${format(floor / raw, 2)}×`,
    `${format(sdk / raw, 2)}×`,
    `${format(sdk / floor, 2)}×`,
  ])
}
printTable(['mode', 'fetch + JSON.parse', 'ky .json(schema)', 'client.approvals.list', 'floor / raw', 'client / raw', 'client / floor'], rows)
console.log('\nRatios compare times per call measured in this same run; the floor is ky with the same zod/mini list schema and no client code.')
server.disconnect()
