import type { Signoff } from '@signoff/client'
import { forEachConcurrently } from './concurrency.js'
import { isTransient } from './transient.js'

/** What one sweep learned of the pending approvals. */
export interface PendingSnapshot {
  /** Ids of the approvals seen pending. */
  readonly approvals: ReadonlySet<string>
  /** For each execution seen paused, its pending approval's id. */
  readonly executions: ReadonlyMap<string, string>
}

/** How {@link readPending} reads. */
export interface ReadPendingOptions {
  pageSize: number
  /** Requests in flight at once for the pages after the first. */
  concurrency: number
  signal: AbortSignal
  /** Called before each request, for the watcher's counts. */
  onRequest: () => void
}

/**
 * Reads every page of the pending approvals once: the first page, which tells how many there
 * are, then the others, `concurrency` at a time: ceil(pending / pageSize) requests in all.
 *
 * A page that fails for good (one malformed approval in it, which may well be someone else's)
 * is left out instead of failing the sweep: the waits it would have answered are not in the
 * snapshot, so the watcher reads each of them back on its own, and each learns its own fate.
 * Passing trouble (see `isTransient`) rejects, and the next sweep tries again.
 */
export async function readPending(client: Signoff, options: ReadPendingOptions): Promise<PendingSnapshot> {
  const approvals = new Set<string>()
  const executions = new Map<string, string>()
  const read = async (page: number) => {
    options.onRequest()
    try {
      const result = await client.approvals.list({ status: 'pending', limit: options.pageSize, page }, { signal: options.signal })
      for (const approval of result.data) {
        approvals.add(approval.id)
        executions.set(approval.execution_id, approval.id)
      }
      return result
    } catch (error) {
      if (isTransient(error) || options.signal.aborted) throw error
      return undefined
    }
  }

  const first = await read(1)
  if (first === undefined || first.data.length === 0) return { approvals, executions }
  // Bounded by the total too: a server that overstates its page count must not be walked forever.
  const perPage = first.meta.limit > 0 ? first.meta.limit : options.pageSize
  const pages = Math.min(first.meta.total_pages, Math.ceil(first.meta.total / perPage))
  const rest = Array.from({ length: Math.max(0, pages - 1) }, (_, index) => index + 2)
  await forEachConcurrently(rest, options.concurrency, async (page) => void (await read(page)))
  return { approvals, executions }
}
