// Walking a long list: `for await` over 100,000 approvals from the mock over real HTTP.
// Prints time per item and how much memory the walk holds, against a baseline in the same
// run that collects every item into one array. The walk must stay page-sized.
import { Signoff } from '@signoff/client'
import { startMockServer } from '@signoff/mock/node'
import { format, printTable } from '../lib/measure.ts'

const TOTAL = Number(process.env['BENCH_APPROVALS'] ?? 100_000)
const PAGE = 100
const collectGarbage = (globalThis as { gc?: () => void }).gc

function heapAfterGc(): number {
  collectGarbage?.()
  return process.memoryUsage().heapUsed
}

const server = await startMockServer()
try {
  const store = server.mock.store
  const agent = store.createAgent({ name: 'Bulk', config: { approval_required: true, checkpoint_name: 'bulk_review' } })
  console.log(`bench/paginate: seeding ${format(TOTAL, 0)} approvals in the mock…`)
  const seedStart = performance.now()
  const key = store.defaults.apiKey
  for (let index = 0; index < TOTAL; index++) store.execute(agent.id, { message: `item ${index}` })
  console.log(`seeded in ${format((performance.now() - seedStart) / 1000)} s\n`)

  const client = new Signoff({ apiKey: key, baseUrl: server.url })
  const pageBytes = (await (await fetch(`${server.url}/api/v1/approvals?limit=${PAGE}`, { headers: { 'x-api-key': key } })).text()).length

  // The walk: one page in memory at a time. Time it first, then walk again sampling the live
  // heap (after a collection) every few pages, so the samples do not slow the timed walk.
  let walked = 0
  const walkStart = performance.now()
  for await (const approval of client.approvals.list({ limit: PAGE })) walked += approval.id.length > 0 ? 1 : 0
  const walkMs = performance.now() - walkStart

  const walkBase = heapAfterGc()
  let walkPeak = 0
  let seen = 0
  for await (const approval of client.approvals.list({ limit: PAGE })) {
    seen += approval.id.length > 0 ? 1 : 0
    if (seen % (PAGE * 25) === 0) walkPeak = Math.max(walkPeak, heapAfterGc() - walkBase)
  }

  // The baseline: the same pages, every item kept.
  const collectBase = heapAfterGc()
  const collectStart = performance.now()
  const all = []
  for await (const approval of client.approvals.list({ limit: PAGE })) all.push(approval)
  const collectMs = performance.now() - collectStart
  const collectHeld = heapAfterGc() - collectBase

  const mib = (bytes: number) => (bytes < 1024 * 1024 ? `${format(bytes / 1024)} KiB` : `${format(bytes / 1024 / 1024)} MiB`)
  printTable(
    ['strategy', 'items', 'µs per item', 'live heap held (peak)'],
    [
      ['for await (walk)', format(walked, 0), format((walkMs * 1000) / walked, 1), mib(Math.max(walkPeak, 0))],
      ['collect into an array', format(all.length, 0), format((collectMs * 1000) / all.length, 1), mib(collectHeld)],
    ],
  )
  console.log(`\nlive heap held by the walk / by collecting everything: ${format(Math.max(walkPeak, 0) / collectHeld, 3)}×`)
  console.log(`(one page of ${PAGE} approvals is about ${mib(pageBytes)} as JSON)`)
  if (collectGarbage === undefined) console.log('(run with node --expose-gc for exact heap figures)')
} finally {
  await server.close()
}
