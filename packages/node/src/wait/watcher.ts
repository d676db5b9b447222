import type { ApprovalRequest, PayloadOf, PayloadSchema, Signoff, WebhookEvent } from '@signoff/client'
import { forEachConcurrently } from './concurrency.js'
import { WaitAbortedError, WaitTimeoutError, WatcherClosedError } from './errors.js'
import { checkDuration, checkWhole } from './options.js'
import { readPendingApprovals, type PendingSnapshot } from './pending-snapshot.js'
import { startTimer } from './safe-timer.js'
import { resolveApprovalId, type WaitTarget } from './target.js'
import { isTransient } from './transient.js'
import { isDecided } from './wait-for-decision.js'

/** Options of {@link ApprovalWatcher}. */
export interface WatcherOptions {
  /**
   * How often, in ms, the pending approvals are read. Sweeps start on this fixed schedule; one
   * that runs longer than an interval delays the next to the following tick, never overlaps it.
   * @defaultValue `5000`
   */
  interval?: number | undefined
  /** Page size of each sweep through the pending approvals (1 to 100). @defaultValue `100` */
  pageSize?: number | undefined
  /**
   * Requests a sweep has in flight at once: the pages after the first, then the read-backs of
   * approvals that left the pending list (1 to 64). @defaultValue `4`
   */
  concurrency?: number | undefined
}

/** Options of one {@link ApprovalWatcher.wait}. */
export interface WatchOptions<S extends PayloadSchema | undefined = undefined> {
  /** Cancels this wait only; it rejects with a `WaitAbortedError`. */
  signal?: AbortSignal | undefined
  /** Gives up on this wait after this many ms (any length, weeks included) with a `WaitTimeoutError`. */
  timeout?: number | undefined
  /** Checks and types the approval's payload. */
  payloadSchema?: S | undefined
}

interface Waiter {
  target: WaitTarget
  since: number
  payloadSchema: PayloadSchema | undefined
  settle(outcome: { approval: ApprovalRequest } | { error: unknown }): void
}

/** What the watcher has done, for dashboards and benchmarks. */
export interface WatcherStats {
  /** Sweeps through the pending approvals so far. */
  sweeps: number
  /** API requests made so far: pages read, plus the read-backs of waited approvals not seen pending. */
  requests: number
  /** Waits under way now. */
  waiting: number
}

/**
 * Many waits for decisions, one poll loop: each interval the watcher pages once through the
 * pending approvals, however many jobs wait (ceil(pending / pageSize) requests), and reads back
 * only approvals that left the list. Webhook events handed to {@link ApprovalWatcher.handle}
 * wake their waiters at once. Options out of range are an `InvalidRequestError`.
 *
 * @example
 * ```ts
 * const watcher = new ApprovalWatcher(client, { interval: 5_000 })
 * const approval = await watcher.wait({ execution_id })
 * createWebhookHandler({ secret, on: watcher.webhookHandlers() }) // optional: instant wake-ups
 * ```
 */
export class ApprovalWatcher {
  readonly #client: Signoff
  readonly #interval: number
  readonly #pageSize: number
  readonly #concurrency: number
  readonly #waiters = new Set<Waiter>()
  #cancelTimer: (() => void) | undefined
  // When the loop started: sweeps are due at whole intervals after it.
  #anchor: number | undefined
  #sweeping = false
  #closed = false
  // Aborted by close(), so a sweep under way stops paging at once.
  readonly #lifetime = new AbortController()
  #stats = { sweeps: 0, requests: 0 }

  constructor(client: Signoff, options: WatcherOptions = {}) {
    this.#client = client
    this.#interval = checkDuration('ApprovalWatcher', 'interval', options.interval, 5_000)
    this.#pageSize = checkWhole('ApprovalWatcher', 'pageSize', options.pageSize ?? 100, 100)
    this.#concurrency = checkWhole('ApprovalWatcher', 'concurrency', options.concurrency ?? 4, 64)
  }

  /** Waits for a decision on an approval, or on the approval an execution is paused at. */
  wait<S extends PayloadSchema | undefined = undefined>(
    target: WaitTarget,
    options: WatchOptions<S> = {},
  ): Promise<ApprovalRequest<PayloadOf<S>>> {
    if (this.#closed) return Promise.reject(new WatcherClosedError('the watcher is closed'))
    if (options.signal?.aborted) return Promise.reject(new WaitAbortedError('the wait was aborted'))
    let timeout: number | undefined
    try {
      timeout = checkDuration('ApprovalWatcher.wait', 'timeout', options.timeout)
    } catch (error) {
      return Promise.reject(error)
    }
    return new Promise((resolve, reject) => {
      const aborted = () => this.#settle(waiter, { error: new WaitAbortedError('the wait was aborted') })
      const cancelTimeout = timeout === undefined ? undefined : startTimer(timeout, () => {
        this.#settle(waiter, { error: new WaitTimeoutError(approvalIdOf(waiter.target), timeout) })
      })
      const waiter: Waiter = {
        target,
        since: Date.now(),
        payloadSchema: options.payloadSchema,
        settle: (outcome) => {
          cancelTimeout?.()
          options.signal?.removeEventListener('abort', aborted)
          if ('error' in outcome) reject(outcome.error)
          else resolve(outcome.approval as ApprovalRequest<PayloadOf<S>>)
        },
      }
      options.signal?.addEventListener('abort', aborted, { once: true })
      this.#waiters.add(waiter)
      this.#schedule()
    })
  }

  /**
   * Hands the watcher a webhook event: an `approval.decided` or `approval.expired` event wakes
   * the waits on that approval (or its execution) at once. Other events are ignored.
   */
  async handle(event: WebhookEvent): Promise<void> {
    if (event.type !== 'approval.decided' && event.type !== 'approval.expired') return
    const approval = event.data.approval
    if (!isDecided(approval)) return
    for (const waiter of this.#waiters) {
      if (matches(waiter.target, approval)) await this.#deliver(waiter, approval)
    }
  }

  /** Handlers to pass as `on` to `createWebhookHandler`, so deliveries wake waiters at once. */
  webhookHandlers(): { 'approval.decided': (event: WebhookEvent) => Promise<void>; 'approval.expired': (event: WebhookEvent) => Promise<void> } {
    const handle = (event: WebhookEvent) => this.handle(event)
    return { 'approval.decided': handle, 'approval.expired': handle }
  }

  /** Ends every wait with a `WatcherClosedError` and stops polling. */
  close(): void {
    this.#closed = true
    this.#lifetime.abort()
    this.#stop()
    for (const waiter of [...this.#waiters]) this.#settle(waiter, { error: new WatcherClosedError('the watcher was closed') })
  }

  /** What the watcher has done so far. */
  get stats(): WatcherStats {
    return { ...this.#stats, waiting: this.#waiters.size }
  }

  // Every way a wait ends comes through here, so the watcher never holds a settled wait.
  #settle(waiter: Waiter, outcome: { approval: ApprovalRequest } | { error: unknown }): void {
    if (!this.#waiters.delete(waiter)) return
    if (this.#waiters.size === 0) this.#stop()
    waiter.settle(outcome)
  }

  #stop(): void {
    this.#cancelTimer?.()
    this.#cancelTimer = undefined
    this.#anchor = undefined
  }

  // Sweeps are due at fixed times (the loop's start plus whole intervals), so a slow sweep does
  // not push every later one back; ticks missed while one ran are skipped, never run back to back.
  #schedule(): void {
    if (this.#cancelTimer !== undefined || this.#sweeping || this.#closed || this.#waiters.size === 0) return
    const now = performance.now()
    this.#anchor ??= now
    const due = this.#anchor + (Math.floor((now - this.#anchor) / this.#interval) + 1) * this.#interval
    this.#cancelTimer = startTimer(due - now, () => {
      this.#cancelTimer = undefined
      void this.#sweep().finally(() => this.#schedule())
    })
  }

  // One pass: read every page of pending approvals once, then read back each waited approval
  // that was not seen pending (a decision, a page shift or a page that could not be read: the
  // read-back tells them apart). Only passing trouble in the pages ends a sweep early.
  async #sweep(): Promise<void> {
    if (this.#sweeping || this.#waiters.size === 0) return
    this.#sweeping = true
    const started = Date.now()
    try {
      const onRequest = () => void (this.#stats.requests += 1)
      const options = { pageSize: this.#pageSize, concurrency: this.#concurrency, signal: this.#lifetime.signal, onRequest }
      const pending = await readPendingApprovals(this.#client, options)
      this.#stats.sweeps += 1
      const unseen = [...this.#waiters].filter((waiter) => waiter.since <= started && !stillPending(waiter, pending))
      await forEachConcurrently(unseen, this.#concurrency, (waiter) => this.#readBack(waiter))
    } catch (error) {
      // Passing trouble: the next sweep tries again. A page that fails for good does not land
      // here (it is read around) and each read-back settles only its own wait, so what else
      // arrives is unexpected: it ends the waits rather than leave them hanging unseen.
      if (!isTransient(error) && !this.#closed) for (const waiter of [...this.#waiters]) this.#settle(waiter, { error })
    } finally {
      this.#sweeping = false
    }
  }

  async #readBack(waiter: Waiter): Promise<void> {
    try {
      const onRequest = () => void (this.#stats.requests += 1)
      const approvalId = await resolveApprovalId(this.#client, waiter.target, { onRequest, signal: this.#lifetime.signal })
      // Still on its way to the checkpoint: the next sweep looks again.
      if (approvalId === undefined) return
      waiter.target = { approval_id: approvalId }
      onRequest()
      const approval = await this.#client.approvals.get(approvalId, { signal: this.#lifetime.signal })
      if (isDecided(approval)) await this.#deliver(waiter, approval)
    } catch (error) {
      if (!isTransient(error)) this.#settle(waiter, { error })
    }
  }

  async #deliver(waiter: Waiter, approval: ApprovalRequest): Promise<void> {
    const schema = waiter.payloadSchema
    if (schema === undefined || approval.payload === null || approval.payload === undefined) {
      return this.#settle(waiter, { approval })
    }
    const result = await schema['~standard'].validate(approval.payload)
    if (result.issues) {
      const fields = result.issues.map((issue) => issue.message).join('; ')
      return this.#settle(waiter, { error: new TypeError(`the approval's payload does not match payloadSchema: ${fields}`) })
    }
    this.#settle(waiter, { approval: { ...approval, payload: result.value } })
  }
}

// Whether the sweep saw the wait's approval pending; a wait on an execution learns its approval's id.
function stillPending(waiter: Waiter, pending: PendingSnapshot): boolean {
  if ('approval_id' in waiter.target) return pending.approvals.has(waiter.target.approval_id)
  const approvalId = pending.executions.get(waiter.target.execution_id)
  if (approvalId !== undefined) waiter.target = { approval_id: approvalId }
  return approvalId !== undefined
}

function approvalIdOf(target: WaitTarget): string | undefined {
  return 'approval_id' in target ? target.approval_id : undefined
}

function matches(target: WaitTarget, approval: ApprovalRequest): boolean {
  return 'approval_id' in target ? target.approval_id === approval.id : target.execution_id === approval.execution_id
}
