// `pnpm run reviewer`: a mock API with a few pending approvals, and the reviewer page in front
// of it. Set PROMPTRAILS_BASE_URL and PROMPTRAILS_API_KEY to review a real workspace instead.
import { startMockServer, type MockServer } from '@signoff/mock/node'
import { createServer } from 'vite'
import { reviewerConfig, type ApiTarget } from './config.ts'
import { seedDemo } from './seed.ts'

const port = Number(process.env['PORT'] ?? 5173)
const realUrl = process.env['PROMPTRAILS_BASE_URL']
const realKey = process.env['PROMPTRAILS_API_KEY']

let mock: MockServer | undefined
let target: ApiTarget
if (realUrl !== undefined && realKey !== undefined) {
  target = { url: realUrl, apiKey: realKey }
  console.log(`API: ${realUrl} (key from PROMPTRAILS_API_KEY, kept in this process)`)
} else {
  mock = await startMockServer()
  const pending = await seedDemo(mock)
  target = { url: mock.url, apiKey: mock.mock.store.defaults.apiKey }
  console.log(`Mock API at ${mock.url} with ${pending.length} pending approvals (in memory)`)
}

const vite = await createServer(reviewerConfig(target, { port }))
await vite.listen()
const url = vite.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`
console.log(`\nOpen ${url} to review. Ctrl+C stops.`)

const stop = async () => {
  await vite.close()
  await mock?.close()
  process.exit(0)
}
process.once('SIGINT', () => void stop())
process.once('SIGTERM', () => void stop())
