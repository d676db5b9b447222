import type { Signoff } from '@signoff/client'
import { forEachConcurrently } from './concurrency.js'
import { checkWhole } from './options.js'
import { isTransient } from './transient.js'

/** What one read of the pending approvals learned. */
export interface PendingSnapshot {
  /** Ids of the approvals seen pending. */
  readonly approvals: ReadonlySet<string>
  /** For each execution seen paused, its pending approval's id. */
  readonly executions: ReadonlyMap<string, string>
  /**
   * Pages that failed for good and were left out (see {@link readPendingApprovals}): an
   * approval missing from the snapshot may then still be pending. `0` on a clean read.
   */
  readonly unreadPages: number
}

/** Options of {@link readPendingApprovals}. */
export interface ReadPendingApprovalsOptions {
  /** Approvals per list request, 1 to 100. @defaultValue `100` */
  pageSize?: number | undefined
  /** List requests in flight at once for the pages after the first, 1 to 64. @defaultValue `4` */
  concurrency?: number | undefined
  /** Stops the read: no new request starts, and the call rejects with the abort. */
  signal?: AbortSignal | undefined
  /** Called before each request, for counting them while the read is under way. */
  onRequest?: (() => void) | undefined
}

/**
 * Reads every page of the pending approvals once: the first page, which tells how many there
 * are, then the others, `concurrency` at a time, so the read takes about
 * ceil(pages / concurrency) round trips instead of one per page. It makes
 * max(1, ceil(pending / pageSize)) requests however the pages are spread. `ApprovalWatcher`
 * and `@signoff/bullmq`'s sweep read through it; use it for a sweep of your own.
 *
 * A page that fails for good (one malformed approval in it, which may well be someone else's)
 * is left out instead of failing the read, and counted in `unreadPages`: what sat on it is
 * missing from the snapshot, so treat "not seen pending" as "read it back", never as
 * "decided". Passing trouble (see {@link isTransient}) rejects, once the requests under way
 * have settled, and so does an abort; try again later. Options out of range are an
 * `InvalidRequestError`, before any request.
 *
 * An approval decided while the pages are read moves the ones after it up a page, so one of
 * those may be missed too: the same rule covers it.
 *
 * @example
 * ```ts
 * const pending = await readPendingApprovals(client, { pageSize: 100, concurrency: 4 })
 * for (const id of myWaitedApprovalIds) {
 *   if (pending.approvals.has(id)) continue // still pending: nothing to do
 *   const approval = await client.approvals.get(id) // decided, expired, or missed: look
 * }
 * ```
 */
export async function readPendingApprovals(client: Signoff, options: ReadPendingApprovalsOptions = {}): Promise<PendingSnapshot> {
  const pageSize = checkWhole('readPendingApprovals', 'pageSize', options.pageSize ?? 100, 100)
  const concurrency = checkWhole('readPendingApprovals', 'concurrency', options.concurrency ?? 4, 64)
  const { signal, onRequest } = options
  const requestOptions = signal === undefined ? {} : { signal }
  const approvals = new Set<string>()
  const executions = new Map<string, string>()
  let unreadPages = 0
  const read = async (page: number) => {
    onRequest?.()
    try {
      const result = await client.approvals.list({ status: 'pending', limit: pageSize, page }, requestOptions)
      for (const approval of result.data) {
        // A server that ignores the filter must not make a decided approval look pending.
        if (approval.status !== 'pending') continue
        approvals.add(approval.id)
        executions.set(approval.execution_id, approval.id)
      }
      return result
    } catch (error) {
      if (isTransient(error) || signal?.aborted === true) throw error
      unreadPages += 1
      return undefined
    }
  }

  const first = await read(1)
  if (first === undefined || first.data.length === 0) return { approvals, executions, unreadPages }
  // Bounded by the total too: a server that overstates its page count must not be walked forever.
  const perPage = first.meta.limit > 0 ? first.meta.limit : pageSize
  const pages = Math.min(first.meta.total_pages, Math.ceil(first.meta.total / perPage))
  const rest = Array.from({ length: Math.max(0, pages - 1) }, (_, index) => index + 2)
  await forEachConcurrently(rest, concurrency, async (page) => {
    signal?.throwIfAborted()
    await read(page)
  })
  return { approvals, executions, unreadPages }
}
