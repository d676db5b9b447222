// What the receiver tests share: a secret, signed messages, and a node:http server per test.
import { createServer, type RequestListener, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Webhook } from 'standardwebhooks'
import { afterEach } from 'vitest'

/** A signing secret in the Standard Webhooks format, for tests only. */
export const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'

const reference = new Webhook(SECRET)

const approval = {
  id: 'appr_1',
  execution_id: 'exec_1',
  agent_id: 'agent_1',
  checkpoint_name: 'review_response',
  payload: { input: { message: 'hi' } },
  status: 'pending',
  created_at: '2026-11-25T12:00:00Z',
}

/** The body of an event of `type` about one approval. */
export function event(type = 'execution.awaiting_approval'): string {
  return JSON.stringify({
    type,
    timestamp: new Date().toISOString(),
    data: { approval, execution: { id: 'exec_1', agent_id: 'agent_1', status: 'awaiting_approval' } },
  })
}

/** Headers that sign `body` as message `id`, at `at` (now by default), with the reference package. */
export function headers(body: string, id = 'msg_1', at = new Date()): Record<string, string> {
  return {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': reference.sign(id, at, body),
  }
}

const servers: Server[] = []
afterEach(async () => {
  const closing = servers.splice(0).map((server) => {
    server.closeAllConnections()
    return new Promise<void>((resolve) => server.close(() => resolve()))
  })
  await Promise.all(closing)
})

/** Serves `listener` on 127.0.0.1 until the test ends; resolves with its URL (ending in `/`). */
export async function serve(listener: RequestListener): Promise<string> {
  const server = createServer(listener)
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
}

/** POSTs a signed message. */
export function post(url: string, body: string, signed: Record<string, string>): Promise<Response> {
  return fetch(url, { method: 'POST', body, headers: signed })
}
