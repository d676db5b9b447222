// The servers under load, each in its own worker thread so that the load generator in the main
// thread does not share their event loop: the mock seeded with `stored` approvals, or bare
// Hono answering the same page (or a decide-shaped POST) with no state behind it.
import { serve, type ServerType } from '@hono/node-server'
import { startMockServer } from '@signoff/mock/node'
import { Hono } from 'hono'
import { parentPort, workerData } from 'node:worker_threads'

/** What the main thread asks a worker to serve. */
export type ServerRequest =
  | { kind: 'mock'; stored: number; decidable: number }
  | { kind: 'bare'; page: unknown; decided: unknown }

/** What a worker answers once it listens. */
export interface ServerReady {
  url: string
  key: string
  /** Pending approvals to decide, one per decide request. */
  decidable: string[]
}

async function startMock(stored: number, decidable: number): Promise<ServerReady> {
  const server = await startMockServer({ requestLogLimit: 1000 })
  const { store } = server.mock
  const agent = store.createAgent({ name: 'Bench', config: { approval_required: true, checkpoint_name: 'bench_review' } })
  const ids: string[] = []
  for (let index = 0; index < stored + decidable; index++) {
    const execution = store.execute(agent.id, { message: `item ${index}` })
    if (index >= stored) ids.push(execution.id)
  }
  // The approvals to decide are the newest runs; their ids come from the executions.
  const decidableIds = ids.map((executionId) => store.listApprovals({ execution_id: executionId })[0]?.id ?? '')
  return { url: server.url, key: store.defaults.apiKey, decidable: decidableIds }
}

async function startBare(page: unknown, decided: unknown): Promise<ServerReady> {
  const app = new Hono()
  app.get('/api/v1/approvals', (c) => c.json(page as object))
  app.post('/api/v1/approvals/:id/decide', async (c) => {
    await c.req.json()
    return c.json(decided as object)
  })
  const server = await new Promise<ServerType>((resolve) => {
    const started: ServerType = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1', overrideGlobalObjects: false }, () => resolve(started))
  })
  const address = server.address()
  const port = typeof address === 'object' && address !== null ? address.port : 0
  return { url: `http://127.0.0.1:${port}`, key: 'unused', decidable: [] }
}

if (parentPort !== null) {
  const request = workerData as ServerRequest
  const ready = request.kind === 'mock' ? await startMock(request.stored, request.decidable) : await startBare(request.page, request.decided)
  parentPort.postMessage(ready)
}
