// Where the gate keeps its records, and how a parked job is named in them.

/** A waited-for thing: an approval (`a:<id>`), or an execution not yet at its checkpoint (`e:<id>`). */
export type TargetKey = `a:${string}` | `e:${string}`

export const approvalTarget = (approvalId: string): TargetKey => `a:${approvalId}`
export const executionTarget = (executionId: string): TargetKey => `e:${executionId}`

/** A parked job: enough to find it again from any process, under its own queue's prefix. */
export interface JobRef {
  prefix: string
  queueName: string
  id: string
}

export function encodeJobRef(ref: JobRef): string {
  return JSON.stringify([ref.prefix, ref.queueName, ref.id])
}

export function decodeJobRef(text: string): JobRef | undefined {
  try {
    const parsed: unknown = JSON.parse(text)
    if (!Array.isArray(parsed) || parsed.length !== 3 || !parsed.every((part) => typeof part === 'string')) return undefined
    const [prefix, queueName, id] = parsed as [string, string, string]
    return { prefix, queueName, id }
  } catch {
    return undefined
  }
}

/**
 * The gate's keys, all under `<prefix>:signoff-gate:<name>`, so a prefix with a hash tag
 * (`{bull}`) keeps them in one Redis Cluster slot, as the gate's scripts need.
 */
export class GateKeys {
  readonly #base: string
  constructor(prefix: string, name: string) {
    this.#base = `${prefix}:signoff-gate:${name}`
  }
  /** Sorted set: every target some job waits on, scored by when the wait was recorded. */
  get waiting(): string {
    return `${this.#base}:waiting`
  }
  /** Set: the jobs parked on one target. */
  jobs(target: TargetKey): string {
    return `${this.#base}:jobs:${target}`
  }
  /** A short-lived mark that a target was woken: a job about to park reads it and does not sleep through. */
  woken(target: TargetKey): string {
    return `${this.#base}:woken:${target}`
  }
}

/** The BullMQ queue that carries a gate's sweeps (queue names may not hold `:`). */
export function sweepQueueName(gateName: string): string {
  return `signoff-sweep-${gateName}`
}
