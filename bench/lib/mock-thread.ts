// The mock's HTTP server in a worker thread of its own, seeded with approvals pending at a
// checkpoint. A bench that measures a client-side loop (the watcher, the gate) must not share
// its event loop with the server it calls, any more than a real deployment does: here the
// server's CPU lands on another thread, and what the bench times is the code under test.
import { Worker } from 'node:worker_threads'
import type { MockThreadCall, MockThreadReady, MockThreadReply, MockThreadSetup } from './mock-thread-server.ts'

/** The mock, served from its own thread; the methods reach its state by message. */
export interface ThreadedMock {
  /** The server's origin, `http://127.0.0.1:<port>`. */
  url: string
  /** The API key the mock accepts. */
  apiKey: string
  /** The pending approvals seeded, oldest first. */
  approvalIds: string[]
  /** Subscribes a receiver to the mock's webhooks; answers the endpoint's id. */
  addWebhookEndpoint(endpoint: { url: string; secret: string; events?: string[] }): Promise<string>
  removeWebhookEndpoint(id: string): Promise<void>
  /** How many requests the mock answered since it started or was last cleared. */
  requestCount(): Promise<number>
  clearRequests(): Promise<void>
  /** Stops the server and its thread. */
  close(): Promise<void>
}

/** Starts the mock in a worker thread with `pending` approvals waiting for a decision. */
export async function startThreadedMock(pending: number): Promise<ThreadedMock> {
  const setup: MockThreadSetup = { pending }
  const worker = new Worker(new URL('./mock-thread-server.ts', import.meta.url), { workerData: setup })
  const replies = new Map<number, (reply: MockThreadReply) => void>()
  let nextId = 0
  const ready = await new Promise<MockThreadReady>((resolve, reject) => {
    worker.once('message', resolve)
    worker.once('error', reject)
  })
  worker.on('message', (reply: MockThreadReply) => {
    replies.get(reply.id)?.(reply)
    replies.delete(reply.id)
  })
  const call = (request: MockThreadCall) =>
    new Promise<MockThreadReply>((resolve) => {
      const id = nextId++
      replies.set(id, resolve)
      worker.postMessage({ ...request, id })
    })
  return {
    url: ready.url,
    apiKey: ready.apiKey,
    approvalIds: ready.approvalIds,
    addWebhookEndpoint: async (endpoint) => String((await call({ kind: 'addWebhook', endpoint })).value),
    removeWebhookEndpoint: async (endpointId) => void (await call({ kind: 'removeWebhook', endpointId })),
    requestCount: async () => Number((await call({ kind: 'requestCount' })).value),
    clearRequests: async () => void (await call({ kind: 'clearRequests' })),
    close: async () => {
      await call({ kind: 'close' })
      await worker.terminate()
    },
  }
}
