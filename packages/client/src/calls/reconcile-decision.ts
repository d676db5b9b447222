import type { ApprovalRequest, DecideParams } from '@signoff/schemas'
import type { WithResponse } from '../core/api-promise.js'
import { isConflictError } from '../core/errors/guards.js'

/** What decide knows when its request ended in an error. */
export interface FailedDecision<T extends ApprovalRequest> {
  /** The error the request ended with. */
  error: unknown
  /** How many times the request was retried before it. */
  retries: number
  /** What was asked: the decision and its reason. */
  decision: Omit<DecideParams, 'approval_id'>
  /** Reads the approval as it stands now. */
  readBack: () => Promise<WithResponse<T>>
}

/**
 * Tells decide's own earlier attempt from someone else's decision. When a retry meets "already
 * decided", the approval is read back: if it holds our decision with our reason, an earlier
 * attempt of this call landed and its answer was lost, so the call succeeded. Anything else (a
 * different decision, a different reason, or a conflict on the first attempt) was not ours: the
 * `ConflictError`, carrying the approval as it stands. When the read-back itself fails, its
 * error is thrown with the conflict as its `cause`.
 */
export async function reconcileDecision<T extends ApprovalRequest>(failed: FailedDecision<T>): Promise<WithResponse<T>> {
  const { error, retries, decision } = failed
  if (!isConflictError(error)) throw error
  let current: WithResponse<T>
  try {
    current = await failed.readBack()
  } catch (readBackError) {
    if (readBackError instanceof Error) {
      Object.defineProperty(readBackError, 'cause', { value: error, writable: true, enumerable: false, configurable: true })
    }
    throw readBackError
  }
  const approval = current.data
  error.approval = approval
  const ours = retries > 0 && approval.status === decision.decision && sameReason(approval.reason, decision.reason)
  if (ours) return current
  throw error
}

// A missing reason and an empty one say the same: nothing.
function sameReason(recorded: string | null | undefined, sent: string | undefined): boolean {
  return (recorded ?? '') === (sent ?? '')
}
