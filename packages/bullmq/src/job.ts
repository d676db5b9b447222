import { InvalidRequestError } from '@signoff/client'
import { Job } from 'bullmq'
import type { WaitTarget } from '@signoff/node'

/**
 * What the gate needs of a job: the job a BullMQ processor is given. A `Job` fits, and so
 * does the job of a sandboxed processor (`SandboxedJob`).
 */
export interface GateJob {
  /** The job's id. */
  readonly id?: string | undefined
  /** The queue the job belongs to. */
  readonly queueName: string
  /** The BullMQ prefix of that queue. */
  readonly prefix: string
  /** The job's data; the gate keeps its step results under {@link STEP_DATA_KEY}. */
  readonly data: unknown
  /** The lock token of the run under way (set by BullMQ's worker). */
  readonly token?: string | undefined
  /** BullMQ's `moveToDelayed`: parks the job. */
  moveToDelayed(timestamp: number, token?: string): Promise<void>
  /** BullMQ's `updateData`: replaces the job's data. */
  updateData(data: never): Promise<void>
}

/** The job's id, once checked to be a job a processor was given. */
export function checkJob(method: string, job: GateJob): string {
  const fail = (message: string) => new InvalidRequestError(method, [{ path: ['job'], message }])
  if (typeof job !== 'object' || job === null || typeof job.moveToDelayed !== 'function' || typeof job.updateData !== 'function') {
    throw fail('must be the BullMQ job your processor was given')
  }
  if (typeof job.queueName !== 'string' || typeof job.prefix !== 'string') throw fail('must be the BullMQ job your processor was given')
  if (typeof job.id !== 'string' || job.id.length === 0) throw fail('has no id: pass the job your processor was given')
  return job.id
}

/** Checks that `token` is the lock token of the job's run under way. */
export function checkToken(method: string, job: GateJob, token: unknown): string {
  const fail = (path: string, message: string) => new InvalidRequestError(method, [{ path: [path], message }])
  if (typeof token !== 'string' || token.length === 0) {
    throw fail('token', 'pass the token your processor receives as its second argument: new Worker(queue, async (job, token) => …)')
  }
  if (job instanceof Job && job.token === undefined) {
    throw fail('job', "is not being processed: call it inside a worker's processor, with the job and token it was given")
  }
  if (job.token !== undefined && job.token !== token) throw fail('token', "is not the lock token of this job's current run")
  return token
}

/** A target, once checked: exactly one non-empty `approval_id` or `execution_id`. */
export function checkTarget(method: string, target: WaitTarget): WaitTarget {
  const given: unknown = target
  const issue = (message: string) => new InvalidRequestError(method, [{ path: ['target'], message }])
  if (typeof given !== 'object' || given === null) throw issue('must be { approval_id } or { execution_id }')
  const record = given as Record<string, unknown>
  const ids = (['approval_id', 'execution_id'] as const).filter((key) => record[key] !== undefined)
  if (ids.length !== 1) throw issue('give exactly one of approval_id and execution_id')
  const key = ids[0] as 'approval_id' | 'execution_id'
  const id = record[key]
  if (typeof id !== 'string' || id.trim().length === 0) throw issue(`${key} must be a non-empty string`)
  return key === 'approval_id' ? { approval_id: id } : { execution_id: id }
}

/** The key in a job's data under which the gate keeps `step` results: keep it in your own `updateData` calls. */
export const STEP_DATA_KEY = '$signoff'
