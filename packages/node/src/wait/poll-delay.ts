/**
 * The delay before poll number `attempt` (from 0): exponential from `interval` up to
 * `maxInterval`, with full jitter in its upper half so many waiters do not poll in step.
 */
export function pollDelay(attempt: number, interval: number, maxInterval: number, random = Math.random): number {
  const base = Math.min(maxInterval, interval * 1.5 ** attempt)
  return base / 2 + random() * (base / 2)
}
