import { MIN_PARK_MS } from '../options.js'

// A park meant to end at expiry ends a moment after it, so the server has flipped the status.
const EXPIRY_GRACE_MS = 1_000

/**
 * When a parked job should run again on its own: at the approval's expiry (plus a moment),
 * never later than `maxPark` from now and never sooner than the minimum park.
 */
export function parkUntil(now: number, maxPark: number, expiresAt?: string | null, pauseAtLeast = 0): number {
  let delay = maxPark
  const expiry = typeof expiresAt === 'string' ? Date.parse(expiresAt) : Number.NaN
  if (Number.isFinite(expiry)) delay = Math.min(delay, expiry - now + EXPIRY_GRACE_MS)
  return now + Math.min(maxPark, Math.max(MIN_PARK_MS, pauseAtLeast, delay))
}
