import { SignoffError } from '@signoff/client'

/** A wait for a decision ran past its `timeout`. The approval may still be decided later. */
export class WaitTimeoutError extends SignoffError {
  override name = 'WaitTimeoutError'
  /** The approval that was still undecided, when it was known. */
  readonly approvalId: string | undefined

  constructor(approvalId: string | undefined, timeoutMs: number) {
    super(`no decision on ${approvalId ?? 'the approval'} within ${timeoutMs} ms; it may still be decided later`)
    this.approvalId = approvalId
  }
}

/** A wait for a decision was cancelled through its `AbortSignal`. */
export class WaitAbortedError extends SignoffError {
  override name = 'WaitAbortedError'
}

/** The watcher was closed while the wait was under way. */
export class WatcherClosedError extends SignoffError {
  override name = 'WatcherClosedError'
}
