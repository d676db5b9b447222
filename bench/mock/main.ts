// The mock under load: requests per second for `GET /approvals?limit=100` with 100, 10,000 and
// 100,000 approvals stored, and for `POST /approvals/{id}/decide`, each against bare Hono
// serving the same answer from the same kind of worker, measured in the same run with
// autocannon. Ratios are printed; nothing is asserted. Also prints what importing each
// entry of @signoff/mock costs, against importing hono alone.
import autocannon from 'autocannon'
import { Worker } from 'node:worker_threads'
import { format, importMs as measureImport, median, printTable } from '../lib/measure.ts'
import type { ServerReady, ServerRequest } from './servers.ts'

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 5)
const CONNECTIONS = 10
const DECIDES = Number(process.env['BENCH_DECIDES'] ?? 20_000)
const SIZES = [100, 10_000, 100_000]

interface Running extends ServerReady {
  stop(): Promise<number>
}

function startServer(request: ServerRequest): Promise<Running> {
  const worker = new Worker(new URL('./servers.ts', import.meta.url), { workerData: request })
  return new Promise((resolve, reject) => {
    worker.once('error', reject)
    worker.once('message', (ready: ServerReady) => resolve({ ...ready, stop: () => worker.terminate() }))
  })
}

interface Load {
  requestsPerSecond: number
  p99: number
  errors: number
}

async function load(options: autocannon.Options): Promise<Load> {
  const result = await autocannon({ connections: CONNECTIONS, ...options })
  const failed = result.errors + result.timeouts + result.non2xx
  return { requestsPerSecond: result.requests.average, p99: result.latency.p99, errors: failed }
}

const listLoad = (server: Running) =>
  load({ url: `${server.url}/api/v1/approvals?status=pending&limit=100`, duration: SECONDS, headers: { 'x-api-key': server.key } })

function decideLoad(server: Running, ids: readonly string[]): Promise<Load> {
  let next = 0
  return load({
    url: server.url,
    amount: ids.length,
    requests: [
      {
        method: 'POST',
        headers: { 'x-api-key': server.key, 'content-type': 'application/json' },
        body: JSON.stringify({ decision: 'approved', reason: 'bench' }),
        setupRequest: (request) => ({ ...request, path: `/api/v1/approvals/${ids[next++ % ids.length] ?? 'x'}/decide` }),
      },
    ],
  })
}

const rows: string[][] = []
const row = (what: string, mock: Load, bare: Load) =>
  rows.push([
    what,
    format(mock.requestsPerSecond, 0),
    format(bare.requestsPerSecond, 0),
    `${format(bare.requestsPerSecond / mock.requestsPerSecond, 2)}×`,
    `${format(mock.p99, 0)} / ${format(bare.p99, 0)}`,
    String(mock.errors + bare.errors),
  ])

console.log(`bench/mock: autocannon, ${CONNECTIONS} connections, ${SECONDS} s per list run, ${format(DECIDES, 0)} decides per decide run\n`)
for (const stored of SIZES) {
  const mock = await startServer({ kind: 'mock', stored, decidable: 0 })
  const page = await (await fetch(`${mock.url}/api/v1/approvals?status=pending&limit=100`, { headers: { 'x-api-key': mock.key } })).json()
  const bare = await startServer({ kind: 'bare', page, decided: {} })
  const mockLoad = await listLoad(mock)
  const bareLoad = await listLoad(bare)
  row(`GET /approvals?status=pending&limit=100, ${format(stored, 0)} stored`, mockLoad, bareLoad)
  await Promise.all([mock.stop(), bare.stop()])
}
{
  const mock = await startServer({ kind: 'mock', stored: 0, decidable: DECIDES })
  const first = mock.decidable[0] ?? ''
  const decided = await (await fetch(`${mock.url}/api/v1/approvals/${first}`, { headers: { 'x-api-key': mock.key } })).json()
  const bare = await startServer({ kind: 'bare', page: {}, decided })
  const mockLoad = await decideLoad(mock, mock.decidable)
  const bareLoad = await decideLoad(bare, mock.decidable)
  row('POST /approvals/{id}/decide', mockLoad, bareLoad)
  await Promise.all([mock.stop(), bare.stop()])
}
printTable(['request', 'mock req/s', 'bare Hono req/s', 'mock slower by', 'p99 ms mock / bare', 'errors'], rows)

// Import cost, each in a fresh process (median of 5), from this package's own dependencies.
const importMs = (specifier: string) => measureImport(specifier, import.meta.dirname)
const hono = importMs('hono')
console.log('')
printTable(
  ['import', 'ms (median of 5)', 'ratio to hono'],
  ['hono', '@signoff/mock/node', '@signoff/mock'].map((specifier) => {
    const ms = specifier === 'hono' ? hono : importMs(specifier)
    return [specifier, format(ms, 1), `${format(ms / hono, 2)}×`]
  }),
)
