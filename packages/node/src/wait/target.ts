import { isNotFoundError, type Signoff } from '@signoff/client'
import { NoApprovalError } from './errors.js'

/** What to wait on: an approval, or the approval an execution is paused at. */
export type WaitTarget = { approval_id: string } | { execution_id: string }

// An execution in one of these has not reached its checkpoint yet: its approval is still to come.
const NOT_YET_PAUSED = new Set(['pending', 'running'])

/**
 * Finds the approval id for a target. For an execution: its pending approval; if it was
 * already decided, the newest approval listed for that execution; `undefined` while the
 * execution is still running towards its checkpoint. An execution that ended without ever
 * asking for approval is a {@link NoApprovalError}: waiting longer would never end.
 */
export async function resolveApprovalId(
  client: Signoff,
  target: WaitTarget,
  { signal, onRequest = () => undefined }: { signal?: AbortSignal | undefined; onRequest?: () => void } = {},
): Promise<string | undefined> {
  if ('approval_id' in target) return target.approval_id
  const options = signal === undefined ? {} : { signal }
  try {
    onRequest()
    return (await client.executions.pending_approval(target.execution_id, options)).id
  } catch (error) {
    if (!isNotFoundError(error)) throw error
  }
  onRequest()
  const { data } = await client.approvals.list({ execution_id: target.execution_id, limit: 1 }, options)
  // A server that ignores the filter must not hand us another execution's approval.
  const match = data.find((approval) => approval.execution_id === target.execution_id)
  if (match !== undefined) return match.id
  // No approval at all: the execution is either on its way to the checkpoint, or never stops there.
  onRequest()
  const execution = await client.executions.get(target.execution_id, options)
  if (NOT_YET_PAUSED.has(execution.status)) return undefined
  throw new NoApprovalError(execution.id, execution.status)
}
