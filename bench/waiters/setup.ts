// What both halves of bench/waiters start from: the mock over real HTTP, thousands of runs
// paused at a checkpoint, and a client whose connections are pooled like a real service's.
import { Signoff } from '@signoff/client'
import { startMockServer, type MockServer } from '@signoff/mock/node'

/** A mock server with `count` approvals pending. */
export interface PendingWorld {
  server: MockServer
  approvalIds: string[]
}

/** Starts the mock and pauses `count` runs at the checkpoint "review". */
export async function pendingWorld(count: number): Promise<PendingWorld> {
  const server = await startMockServer()
  const config = { approval_required: true, checkpoint_name: 'review' }
  const agent = server.mock.store.createAgent({ name: 'Refund bot', config })
  // Seeded in the mock's state (the same code as an execute, no sockets): measuring starts after.
  for (let index = 0; index < count; index++) server.mock.store.execute(agent.id, { message: `question ${index}` })
  const approvalIds = server.mock.store.listApprovals({ status: 'pending' }).map((approval) => approval.id)
  return { server, approvalIds }
}

/**
 * A client whose fetch keeps at most `connections` requests waiting for their response
 * headers, as a service's HTTP pool would; the rest queue. Without it, ten thousand pollers
 * open ten thousand sockets at once. `roundTripMs` delays each request, as the distance to a
 * remote API would (`BENCH_RTT_MS`, default 0: the mock on loopback).
 */
export function pooledClient(server: MockServer, connections = 256, roundTripMs = Number(process.env['BENCH_RTT_MS'] ?? 0)): Signoff {
  let inFlight = 0
  const queue: (() => void)[] = []
  const pooled = async (input: Request | URL | string, init?: RequestInit): Promise<Response> => {
    if (inFlight >= connections) await new Promise<void>((resolve) => queue.push(resolve))
    inFlight += 1
    try {
      if (roundTripMs > 0) await pause(roundTripMs)
      return await fetch(input, init)
    } finally {
      inFlight -= 1
      queue.shift()?.()
    }
  }
  return new Signoff({ apiKey: server.mock.store.defaults.apiKey, baseUrl: server.url, fetch: pooled, maxRetries: 0 })
}

/** The value below which `share` of the values fall. */
export function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? Number.NaN
}

/** Resolves after `ms`. */
export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Ends of waits that were not the bench stopping them: any is a failure of the bench. */
export function unexpectedEnd(error: unknown): never | undefined {
  const name = error instanceof Error ? error.name : ''
  if (name === 'WatcherClosedError' || name === 'WaitAbortedError') return undefined
  throw error
}
