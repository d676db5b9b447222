import type { ApprovalRequest, PayloadOf, PayloadSchema, Signoff } from '@signoff/client'
import { WaitAbortedError, WaitTimeoutError } from './errors.js'
import { checkDuration } from './options.js'
import { pollDelay } from './poll-delay.js'
import { deadline, sleep } from './safe-timer.js'
import { resolveApprovalId, type WaitTarget } from './target.js'
import { isTransient, requestedPause } from './transient.js'

/** Options of {@link waitForDecision}. */
export interface WaitOptions<S extends PayloadSchema | undefined = undefined> {
  /** Cancels the wait; it then rejects with a `WaitAbortedError`. */
  signal?: AbortSignal | undefined
  /**
   * Gives up after this many ms with a `WaitTimeoutError`. Any length works, weeks included.
   * @defaultValue no limit
   */
  timeout?: number | undefined
  /** The first delay between polls, in ms; it grows by half each poll. @defaultValue `2000` */
  interval?: number | undefined
  /** The longest delay between polls, in ms. @defaultValue `30000` */
  maxInterval?: number | undefined
  /** Checks and types the approval's payload. */
  payloadSchema?: S | undefined
  /** Called after each poll that found the approval still pending (for progress displays). */
  onPending?: ((approval: ApprovalRequest<PayloadOf<S>>, polls: number) => void) | undefined
  /**
   * Called after each poll that met passing trouble (no connection, a timeout, 5xx, 429, a body
   * that was not JSON), before the wait polls again: how a progress display tells "the API is
   * not answering" from "still pending".
   */
  onRetry?: ((error: unknown, polls: number) => void) | undefined
}

/** Whether an approval has reached a final state (anything but `pending`). */
export function isDecided(approval: { status: string }): boolean {
  return approval.status !== 'pending'
}

/**
 * Waits until a person decides: resolves with the approval once it is `approved`, `rejected`
 * or `expired`. Polls with growing, jittered delays; passing network or server trouble does not
 * end the wait. Rejects with `WaitTimeoutError` after `timeout`, `WaitAbortedError` on abort,
 * and `NoApprovalError` when the execution waited on ended without asking for approval.
 * Durations that are not a number of ms above 0 are an `InvalidRequestError`, before any request.
 *
 * @example
 * ```ts
 * const approval = await waitForDecision(client, { execution_id }, { timeout: 24 * 3600_000 })
 * if (approval.status === 'approved') await ship(approval.payload)
 * ```
 */
export async function waitForDecision<S extends PayloadSchema | undefined = undefined>(
  client: Signoff,
  target: WaitTarget,
  options: WaitOptions<S> = {},
): Promise<ApprovalRequest<PayloadOf<S>>> {
  const timeout = checkDuration('waitForDecision', 'timeout', options.timeout)
  const interval = checkDuration('waitForDecision', 'interval', options.interval, 2_000)
  const maxInterval = checkDuration('waitForDecision', 'maxInterval', options.maxInterval, 30_000)
  const timer = timeout === undefined ? undefined : deadline(timeout)
  const signals = [options.signal, timer?.signal].filter((signal) => signal !== undefined)
  const signal = signals.length === 0 ? undefined : AbortSignal.any(signals)
  let approvalId: string | undefined

  try {
    for (let polls = 0; ; polls++) {
      let pause: number | undefined
      try {
        approvalId ??= await resolveApprovalId(client, target, { signal })
        // Undefined: the execution has not reached its checkpoint yet.
        if (approvalId !== undefined) {
          const approval = await client.approvals.get(approvalId, { signal, payloadSchema: options.payloadSchema })
          if (isDecided(approval)) return approval
          options.onPending?.(approval, polls + 1)
        }
      } catch (error) {
        if (!isTransient(error)) throw error
        pause = requestedPause(error, maxInterval)
        options.onRetry?.(error, polls + 1)
      }
      await sleep(Math.max(pause ?? 0, pollDelay(polls, interval, maxInterval)), signal)
    }
  } catch (error) {
    if (options.signal?.aborted) throw new WaitAbortedError(`the wait for ${approvalId ?? 'a decision'} was aborted`)
    if (timer?.signal.aborted) throw new WaitTimeoutError(approvalId, timeout ?? 0)
    throw error
  } finally {
    timer?.cancel()
  }
}
