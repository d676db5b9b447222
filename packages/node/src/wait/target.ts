import { NotFoundError, type Signoff } from '@signoff/client'

/** What to wait on: an approval, or the approval an execution is paused at. */
export type WaitTarget = { approval_id: string } | { execution_id: string }

/**
 * Finds the approval id for a target. For an execution, its pending approval; if it was
 * already decided, the newest approval listed for that execution.
 */
export async function resolveApprovalId(client: Signoff, target: WaitTarget, signal?: AbortSignal): Promise<string> {
  if ('approval_id' in target) return target.approval_id
  const options = signal === undefined ? {} : { signal }
  try {
    return (await client.executions.pending_approval(target.execution_id, options)).id
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error
    const { data } = await client.approvals.list({ execution_id: target.execution_id, limit: 1 }, options)
    // A server that ignores the filter must not hand us another execution's approval.
    const match = data.find((approval) => approval.execution_id === target.execution_id)
    if (match === undefined) throw error
    return match.id
  }
}
