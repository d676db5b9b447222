import { InvalidRequestError } from '@signoff/client'
import { STEP_DATA_KEY, type GateJob } from '../job.js'

/** What a step body is given. */
export interface StepContext {
  /**
   * Stable for this job and step key (`<prefix>:<queue>:<job id>:<key>`): pass it as the
   * `idempotencyKey` of the call the step makes, so a body run again after a crash is not
   * acted on twice by a server that honours it.
   */
  idempotencyKey: string
}

type StepRecord = { result?: unknown }
type KeptSteps = Record<string, StepRecord>

function keptSteps(data: unknown): KeptSteps {
  if (typeof data !== 'object' || data === null) return {}
  const reserved = (data as Record<string, unknown>)[STEP_DATA_KEY]
  if (typeof reserved !== 'object' || reserved === null) return {}
  const steps = (reserved as Record<string, unknown>)['steps']
  return typeof steps === 'object' && steps !== null ? (steps as KeptSteps) : {}
}

/**
 * Runs `body` once per job and key: its JSON result is kept in the job's data, and a later
 * run of the processor (after a wake-up) gets the kept result without running it again.
 */
export async function runStep<T>(job: GateJob, jobId: string, key: string, body: (context: StepContext) => T | Promise<T>): Promise<T> {
  if (typeof key !== 'string' || key.length === 0) {
    throw new InvalidRequestError('gate.step', [{ path: ['key'], message: 'must be a non-empty string naming the step' }])
  }
  if (typeof body !== 'function') throw new InvalidRequestError('gate.step', [{ path: ['fn'], message: 'must be a function' }])
  const data = job.data ?? {}
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new InvalidRequestError('gate.step', [{ path: ['job', 'data'], message: 'must be an object (or empty), so the step result can be kept in it' }])
  }
  const steps = keptSteps(data)
  const kept = Object.hasOwn(steps, key) ? steps[key] : undefined
  if (kept !== undefined) return kept.result as T

  const result = await body({ idempotencyKey: `${job.prefix}:${job.queueName}:${jobId}:${key}` })
  // Kept as JSON, and returned the same way, so the first run sees what later runs will.
  const json = JSON.stringify(result)
  const record: StepRecord = json === undefined ? {} : { result: JSON.parse(json) as unknown }
  const reserved = (data as Record<string, unknown>)[STEP_DATA_KEY]
  const next = {
    ...data,
    [STEP_DATA_KEY]: { ...(typeof reserved === 'object' && reserved !== null ? reserved : {}), steps: { ...steps, [key]: record } },
  }
  await job.updateData(next as never)
  return record.result as T
}
