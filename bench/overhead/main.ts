// What the client costs per call: `client.approvals.list` (ky, retries, schema validation)
// against raw `fetch` + `JSON.parse` of the same 100-approval page from a loopback server.
// Prints times per call and the ratio; asserts nothing.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Signoff } from '@signoff/client'
import { format, median, printTable, timeRuns } from '../lib/measure.ts'

const PAGE_SIZE = 100
const CALLS = Number(process.env['BENCH_CALLS'] ?? 2_000)
const ROUNDS = 3

function approvalPage(): string {
  const data = Array.from({ length: PAGE_SIZE }, (_, index) => ({
    id: `2Nz3qkGXBtBLqYuwKyWqu9B${String(index).padStart(4, '0')}`,
    execution_id: `2Nz3qkGXBtBLqYuwKyWqu9E${String(index).padStart(4, '0')}`,
    agent_id: '2Nz3qkGXBtBLqYuwKyWqu9AGENT',
    workspace_id: '2Nz3qkGXBtBLqYuwKyWqu9WSPCE',
    checkpoint_name: 'review_response',
    payload: { input: { message: `Where is order ${index}?` }, output: { text: 'It ships tomorrow.' } },
    status: 'pending',
    decided_by: null,
    decided_at: null,
    expires_at: null,
    reason: null,
    created_at: '2026-11-25T10:00:00.123456789Z',
  }))
  return JSON.stringify({ data, meta: { total: 1000, page: 1, limit: PAGE_SIZE, total_pages: 10 } })
}

const body = approvalPage()
const server = createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'application/json' })
  response.end(body)
})
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

const client = new Signoff({ apiKey: 'pr_key_bench', baseUrl })
const url = `${baseUrl}/api/v1/approvals?status=pending&page=1`
const raw = async () => {
  const response = await fetch(url, { headers: { 'x-api-key': 'pr_key_bench' } })
  return JSON.parse(await response.text()) as unknown
}
const sdk = () => client.approvals.list({ status: 'pending' }).then((page) => page.data)

console.log(`bench/overhead: ${CALLS} calls per round, ${ROUNDS} rounds, a ${PAGE_SIZE}-approval page (${format(body.length / 1024)} KiB)\n`)
const rows: string[][] = []
for (const concurrency of [1, 32]) {
  await timeRuns(200, concurrency, raw) // warm both paths before measuring
  await timeRuns(200, concurrency, sdk)
  const rawTimes: number[] = []
  const sdkTimes: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    rawTimes.push(await timeRuns(CALLS, concurrency, raw))
    sdkTimes.push(await timeRuns(CALLS, concurrency, sdk))
  }
  const rawMs = median(rawTimes) / CALLS
  const sdkMs = median(sdkTimes) / CALLS
  rows.push([
    concurrency === 1 ? 'sequential' : `concurrency ${concurrency}`,
    `${format(rawMs * 1000, 0)} µs`,
    `${format(sdkMs * 1000, 0)} µs`,
    `${format(sdkMs / rawMs, 2)}×`,
  ])
}
printTable(['mode', 'fetch + JSON.parse', 'client.approvals.list', 'ratio'], rows)
console.log('\nThe ratio is the client\'s cost per call relative to the raw baseline in this same run.')
server.close()
