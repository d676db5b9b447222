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

/**
 * The execution waited on ended without reaching an approval checkpoint (its agent version
 * does not require approval, or it failed first), so no decision will ever come.
 */
export class NoApprovalError extends SignoffError {
  override name = 'NoApprovalError'
  /** The execution waited on. */
  readonly executionId: string
  /** Its final status, such as `completed` or `failed`. */
  readonly executionStatus: string

  constructor(executionId: string, executionStatus: string) {
    super(`execution ${executionId} is ${executionStatus} and has no approval request to wait for: its agent version may not require approval`)
    this.executionId = executionId
    this.executionStatus = executionStatus
  }
}
