// What both halves of bench/waiters start from: the mock over real HTTP, in its own thread,
// with thousands of runs paused at a checkpoint; and a client whose connections are pooled
// like a real service's.
import { Signoff } from '@signoff/client'
import { startThreadedMock, type ThreadedMock } from '../lib/mock-thread.ts'

/**
 * Starts the mock in a worker thread and pauses `count` runs at the checkpoint "review", so
 * the server's work does not share the event loop of the waits being measured.
 */
export async function pendingWorld(count: number): Promise<ThreadedMock> {
  return startThreadedMock(count)
}

/**
 * A client whose fetch keeps at most `connections` requests waiting for their response
 * headers, as a service's HTTP pool would; the rest queue. Without it, ten thousand pollers
 * open ten thousand sockets at once. `roundTripMs` delays each request, as the distance to a
 * remote API would (`BENCH_RTT_MS`, default 0: the mock on loopback).
 */
export function pooledClient(server: Pick<ThreadedMock, 'url' | 'apiKey'>, connections = 256, roundTripMs = Number(process.env['BENCH_RTT_MS'] ?? 0)): Signoff {
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
  return new Signoff({ apiKey: server.apiKey, baseUrl: server.url, fetch: pooled, maxRetries: 0 })
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
