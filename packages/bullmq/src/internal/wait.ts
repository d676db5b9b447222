import { isRateLimitError, type ApprovalRequest, type PayloadOf, type PayloadSchema, type Signoff } from '@signoff/client'
import { isDecided, isTransient, resolveApprovalId, type WaitTarget } from '@signoff/node'
import { DelayedError } from 'bullmq'
import type { GateJob } from '../job.js'
import { approvalTarget, encodeJobRef, executionTarget, type JobRef, type TargetKey } from './keys.js'
import { parkUntil } from './park-time.js'
import type { WaitStore } from './store.js'
import type { Waker } from './waker.js'

// When a run could not read its approval: 15 to 30 s, jittered, so jobs woken together by an
// outage that ends do not all come back at once.
const recheckDelay = () => 15_000 + Math.random() * 15_000

/** What a wait needs of its gate. */
export interface WaitContext {
  client: Signoff
  store: WaitStore
  waker: Waker
  maxPark: number
}

/**
 * One run's look at an approval: returns it when decided or expired. While it is pending,
 * records the wait, parks the job in BullMQ's delayed state and throws `DelayedError`.
 */
export async function waitOrPark<S extends PayloadSchema | undefined>(
  context: WaitContext,
  job: GateJob,
  ref: JobRef,
  token: string,
  target: WaitTarget,
  payloadSchema: S | undefined,
): Promise<ApprovalRequest<PayloadOf<S>>> {
  const { client, store, waker } = context
  const encoded = encodeJobRef(ref)
  let approvalId: string | undefined
  let pause = 0
  // Undefined: the execution is still on its way to its checkpoint, or the API is in passing trouble.
  const look = async (): Promise<ApprovalRequest<PayloadOf<S>> | undefined> => {
    try {
      approvalId ??= await resolveApprovalId(client, target)
      return approvalId === undefined ? undefined : await client.approvals.get(approvalId, { payloadSchema })
    } catch (error) {
      if (!isTransient(error)) throw error
      pause = isRateLimitError(error) && error.retryAfter !== undefined ? error.retryAfter * 1000 : 0
      return undefined
    }
  }
  const targets = (): TargetKey[] => [
    ...(approvalId === undefined ? [] : [approvalTarget(approvalId)]),
    ...('execution_id' in target ? [executionTarget(target.execution_id)] : []),
  ]
  const settle = async (approval: ApprovalRequest<PayloadOf<S>>) => {
    await Promise.all(targets().map((key) => store.forget(key, encoded)))
    return approval
  }

  let approval = await look()
  if (approval !== undefined && isDecided(approval)) return settle(approval)
  const [waitingOn] = targets() as [TargetKey]
  const wokenMeanwhile = await store.record(waitingOn, encoded, Date.now())
  if (wokenMeanwhile) {
    // Woken between our read and the record: read once more rather than sleep through it.
    // (A wake this run already saw only brings it here once: then it parks.)
    approval = await look()
    if (approval !== undefined && isDecided(approval)) return settle(approval)
  }
  // Nothing read (passing trouble, or no approval yet): look again soon, not after maxPark.
  const longest = approval === undefined ? Math.min(context.maxPark, Math.max(recheckDelay(), pause)) : context.maxPark
  await job.moveToDelayed(parkUntil(Date.now(), longest, approval?.expires_at, pause), token)
  // A wake that came while this run was still active found no delayed job to promote: the
  // mark it left says so, and the job wakes itself.
  if (!wokenMeanwhile && (await store.wasWoken(waitingOn))) await waker.promote(ref)
  throw new DelayedError(`parked until ${approvalId === undefined ? 'its approval' : `approval ${approvalId}`} is decided`)
}
