/** Waits `ms`, or less if `signal` aborts first (then rejects with the signal's reason). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const timer = setTimeout(done, ms)
    function done() {
      signal?.removeEventListener('abort', aborted)
      resolve()
    }
    function aborted() {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    signal?.addEventListener('abort', aborted, { once: true })
  })
}

/**
 * The delay before poll number `attempt` (from 0): exponential from `interval` up to
 * `maxInterval`, with full jitter in its upper half so many waiters do not poll in step.
 */
export function pollDelay(attempt: number, interval: number, maxInterval: number, random = Math.random): number {
  const base = Math.min(maxInterval, interval * 1.5 ** attempt)
  return base / 2 + random() * (base / 2)
}
