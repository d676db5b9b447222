import type { Signoff } from '@signoff/client'
import { readPendingApprovals } from '@signoff/node'
import { approvalTarget, executionTarget, type TargetKey } from './keys.js'
import type { WaitStore } from './store.js'
import type { Waker } from './waker.js'

// Targets woken at once by a sweep.
const CONCURRENT_WAKES = 20

/** What one sweep did. */
export interface SweepResult {
  /** Pending approvals listed by the API. */
  pending: number
  /** Parked jobs woken because their approval was not seen pending. */
  woken: number
  /** API requests made: max(1, ceil(pending / pageSize)), however many jobs wait. */
  requests: number
  /**
   * Pages of the list that failed for good (an approval in them breaks the contract) and were
   * read around: the jobs parked on what they held were woken, read their approval and, if it
   * is still pending, park again. `0` on a clean sweep; a number that stays up means spare runs
   * every interval.
   */
  unreadPages: number
}

/** How a sweep reads the pending approvals. */
export interface SweepReading {
  pageSize: number
  /** List requests in flight at once for the pages after the first. */
  concurrency: number
}

/**
 * One pass: list the pending approvals (the first page, then the others `concurrency` at a
 * time, through `@signoff/node`'s `readPendingApprovals`, as the watcher does), then wake every
 * job recorded before the pass began whose approval (or execution) is not among them.
 *
 * Waking is always the safe side: a job woken in error reads its approval, finds it pending
 * and parks again (a spare run), while a job left parked in error would wait for its webhook,
 * its expiry or `maxPark`. So whatever the list could not show counts as not pending: an
 * approval that a page shift skipped (one decided while the list was read moves the rest up
 * a page), and everything on a page that fails for good. Passing trouble (`isTransient`)
 * rejects, so the sweep job fails and the next interval sweeps again.
 */
export async function sweepOnce(client: Signoff, store: WaitStore, waker: Waker, reading: SweepReading): Promise<SweepResult> {
  const started = Date.now()
  let requests = 0
  const onRequest = () => void (requests += 1)
  const listed = await readPendingApprovals(client, { pageSize: reading.pageSize, concurrency: reading.concurrency, onRequest })
  const pending = new Set<TargetKey>()
  for (const approvalId of listed.approvals) pending.add(approvalTarget(approvalId))
  for (const executionId of listed.executions.keys()) pending.add(executionTarget(executionId))
  // Read every recorded target first: jobs woken meanwhile drop their records, which would
  // shift a paged read of the set under our feet.
  const stale: TargetKey[] = []
  for await (const targets of store.waitingSince(started)) stale.push(...targets.filter((target) => !pending.has(target)))
  let woken = 0
  for (let start = 0; start < stale.length; start += CONCURRENT_WAKES) {
    const counts = await Promise.all(stale.slice(start, start + CONCURRENT_WAKES).map((target) => waker.wakeTarget(target)))
    woken += counts.reduce((sum, count) => sum + count, 0)
  }
  return { pending: listed.approvals.size, woken, requests, unreadPages: listed.unreadPages }
}
