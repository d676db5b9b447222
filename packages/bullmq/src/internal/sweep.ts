import type { Signoff } from '@signoff/client'
import type { TargetKey } from './keys.js'
import type { WaitStore } from './store.js'
import type { Waker } from './waker.js'

// Targets woken at once by a sweep.
const CONCURRENT_WAKES = 20

/** What one sweep did. */
export interface SweepResult {
  /** Pending approvals listed by the API. */
  pending: number
  /** Parked jobs woken because their approval was no longer pending. */
  woken: number
  /** API requests made: max(1, ceil(pending / pageSize)), however many jobs wait. */
  requests: number
}

/**
 * One pass: list the pending approvals page by page, then wake every job recorded before the
 * pass began whose approval (or execution) is no longer among them. A job woken by a page
 * shift (an approval decided while the list was read moves the rest up a page) reads its
 * approval, finds it pending and parks again: a spare run, never a lost wake.
 */
export async function sweepOnce(client: Signoff, store: WaitStore, waker: Waker, pageSize: number): Promise<SweepResult> {
  const started = Date.now()
  const pending = new Set<TargetKey>()
  let requests = 0
  let listed = 0
  for await (const page of client.approvals.list({ status: 'pending', limit: pageSize }).pages()) {
    requests += 1
    for (const approval of page.data) {
      if (approval.status !== 'pending') continue
      listed += 1
      pending.add(`a:${approval.id}`)
      pending.add(`e:${approval.execution_id}`)
    }
  }
  // Read every recorded target first: jobs woken meanwhile drop their records, which would
  // shift a paged read of the set under our feet.
  const stale: TargetKey[] = []
  for await (const targets of store.waitingSince(started)) stale.push(...targets.filter((target) => !pending.has(target)))
  let woken = 0
  for (let start = 0; start < stale.length; start += CONCURRENT_WAKES) {
    const counts = await Promise.all(stale.slice(start, start + CONCURRENT_WAKES).map((target) => waker.wakeTarget(target)))
    woken += counts.reduce((sum, count) => sum + count, 0)
  }
  return { pending: listed, woken, requests }
}
