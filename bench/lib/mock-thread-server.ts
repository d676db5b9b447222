// The worker-thread side of mock-thread.ts: starts the mock, seeds it, and answers the main
// thread's few questions about its state.
import { startMockServer } from '@signoff/mock/node'
import { parentPort, workerData } from 'node:worker_threads'

export interface MockThreadSetup {
  pending: number
}

export interface MockThreadReady {
  url: string
  apiKey: string
  approvalIds: string[]
}

export type MockThreadCall =
  | { kind: 'addWebhook'; endpoint: { url: string; secret: string; events?: string[] } }
  | { kind: 'removeWebhook'; endpointId: string }
  | { kind: 'requestCount' }
  | { kind: 'clearRequests' }
  | { kind: 'close' }

export interface MockThreadReply {
  id: number
  value?: string | number
}

// Large enough that a bench counting requests over a few intervals never sees the log trimmed.
const REQUEST_LOG_LIMIT = 1_000_000

if (parentPort !== null) {
  const port = parentPort
  const { pending } = workerData as MockThreadSetup
  const server = await startMockServer({ requestLogLimit: REQUEST_LOG_LIMIT })
  const { store } = server.mock
  const agent = store.createAgent({ name: 'Refund bot', config: { approval_required: true, checkpoint_name: 'review' } })
  // Seeded in the mock's state (the same code as an execute, no sockets): measuring starts after.
  for (let index = 0; index < pending; index++) store.execute(agent.id, { message: `question ${index}` })
  const approvalIds = store.listApprovals({ status: 'pending' }).map((approval) => approval.id)
  port.on('message', async (call: MockThreadCall & { id: number }) => {
    let value: string | number | undefined
    if (call.kind === 'addWebhook') value = store.addWebhookEndpoint(call.endpoint as Parameters<typeof store.addWebhookEndpoint>[0])
    else if (call.kind === 'removeWebhook') store.removeWebhookEndpoint(call.endpointId)
    else if (call.kind === 'requestCount') value = server.mock.requests.length
    else if (call.kind === 'clearRequests') server.mock.clearRequests()
    else await server.close()
    port.postMessage({ id: call.id, ...(value === undefined ? {} : { value }) } satisfies MockThreadReply)
  })
  port.postMessage({ url: server.url, apiKey: store.defaults.apiKey, approvalIds } satisfies MockThreadReady)
}
