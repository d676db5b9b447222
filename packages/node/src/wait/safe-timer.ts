/**
 * The longest delay `setTimeout` takes: 2^31-1 ms, about 24.8 days. A longer one (a huge
 * `Retry-After`, a wait of a month) is not refused by the runtime: it fires after 1 ms.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1

/**
 * Calls `callback` once `ms` have passed, however long that is: past {@link MAX_TIMER_MS} the
 * delay is waited in steps, each measured on the monotonic clock. Returns a function that
 * cancels it. Every delay in the waits goes through here.
 */
export function startTimer(ms: number, callback: () => void): () => void {
  const due = performance.now() + ms
  let timer: ReturnType<typeof setTimeout>
  const step = () => {
    const left = due - performance.now()
    // Timers may fire a fraction of a millisecond early; that counts as on time.
    if (left < 1) return callback()
    timer = setTimeout(step, Math.min(left, MAX_TIMER_MS))
  }
  timer = setTimeout(step, Math.min(Math.max(ms, 0), MAX_TIMER_MS))
  return () => clearTimeout(timer)
}

/** Waits `ms` (any length), or less if `signal` aborts first (then rejects with the signal's reason). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const cancel = startTimer(ms, () => {
      signal?.removeEventListener('abort', aborted)
      resolve()
    })
    function aborted() {
      cancel()
      reject(signal?.reason)
    }
    signal?.addEventListener('abort', aborted, { once: true })
  })
}

/**
 * An `AbortSignal` that aborts after `ms` (any length), unlike `AbortSignal.timeout`, which
 * overflows past {@link MAX_TIMER_MS}. Call `cancel` once it is no longer needed.
 */
export function deadline(ms: number): { signal: AbortSignal; cancel: () => void } {
  const controller = new AbortController()
  const cancel = startTimer(ms, () => controller.abort(new DOMException('the wait timed out', 'TimeoutError')))
  return { signal: controller.signal, cancel }
}
