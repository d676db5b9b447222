import { InvalidRequestError, type SchemaIssue } from '@signoff/client'
import type { ConnectionOptions } from 'bullmq'

/** Options of {@link ApprovalGate}. */
export interface ApprovalGateOptions {
  /**
   * The Redis connection, as BullMQ's `Queue` and `Worker` take it: ioredis options, a URL's
   * parts, or a client instance. It must reach the Redis your queues use.
   * BullMQ's Postgres backend is refused: the gate keeps its records in Redis.
   */
  connection: ConnectionOptions
  /**
   * The BullMQ prefix under which the gate keeps its own keys and its sweep queue. Give the
   * same prefix as your queues (in Redis Cluster, one with a hash tag such as `{bull}`).
   * Parked jobs are found under their own queue's prefix, whatever this is.
   * @defaultValue `'bull'` (BullMQ's default)
   */
  prefix?: string | undefined
  /**
   * Separates gates sharing one Redis (for example one per workspace): gates of different
   * names never wake each other's jobs and never share a sweep. Letters, digits, `-` and `_`.
   * @defaultValue `'default'`
   */
  name?: string | undefined
  /** How often, in ms, the sweeper runs (one sweep per interval across the cluster). @defaultValue `60000` */
  sweepInterval?: number | undefined
  /** Page size of each sweep through the pending approvals, 1 to 100. @defaultValue `100` */
  pageSize?: number | undefined
  /**
   * List requests a sweep has in flight at once, 1 to 64: the first page alone (it tells how
   * many there are), then the others this many at a time, so a sweep over many pages takes
   * about as many round trips as pages divided by this. The request count stays
   * max(1, ceil(pending / pageSize)).
   * @defaultValue `4` (as `ApprovalWatcher`'s `concurrency`)
   */
  sweepConcurrency?: number | undefined
  /**
   * The longest a job stays parked, in ms, before it reads its approval again by itself:
   * the safety net of a deployment with neither webhooks nor a sweeper. A park also ends at
   * the approval's `expires_at`.
   * @defaultValue `3600000` (one hour)
   */
  maxPark?: number | undefined
}

/** The options once checked, with their defaults. */
export interface GateSettings {
  connection: ConnectionOptions
  prefix: string
  name: string
  sweepInterval: number
  pageSize: number
  sweepConcurrency: number
  maxPark: number
}

/** The shortest park: a job woken while the server still says pending does not spin. */
export const MIN_PARK_MS = 1_000
/** Timers and BullMQ delays stay below this (2^31 - 1 ms, about 24.8 days). */
export const MAX_DELAY_MS = 2 ** 31 - 1
const MIN_SWEEP_INTERVAL_MS = 100
// The bound of the watcher's `concurrency`, so the one setting means the same in both.
const MAX_SWEEP_CONCURRENCY = 64
const NAME_PATTERN = /^[A-Za-z0-9_-]{1,100}$/

/** Checks the options of `new ApprovalGate(...)`; every problem is named at once. */
export function checkGateOptions(options: ApprovalGateOptions | undefined): GateSettings {
  const given: Partial<ApprovalGateOptions> = options ?? {}
  const issues: SchemaIssue[] = []
  const problem = (field: string, message: string) => issues.push({ path: [field], message })

  const connection = given.connection
  if (connection === undefined || connection === null) {
    problem('connection', 'give the Redis connection your BullMQ queues use, e.g. { host, port }')
  } else if (typeof connection === 'string' || looksLikePostgres(connection)) {
    problem('connection', 'the gate needs Redis: BullMQ\'s Postgres backend has no key-value store for its records')
  }
  const prefix = given.prefix ?? 'bull'
  if (typeof prefix !== 'string' || prefix.length === 0 || /\s/.test(prefix)) {
    problem('prefix', 'must be a non-empty BullMQ prefix without spaces, the same as your queues\'')
  }
  const name = given.name ?? 'default'
  if (typeof name !== 'string' || !NAME_PATTERN.test(name)) {
    problem('name', 'must be 1 to 100 letters, digits, "-" or "_"')
  }
  const sweepInterval = given.sweepInterval ?? 60_000
  if (!isIntegerIn(sweepInterval, MIN_SWEEP_INTERVAL_MS, MAX_DELAY_MS)) {
    problem('sweepInterval', `must be a whole number of ms from ${MIN_SWEEP_INTERVAL_MS} to ${MAX_DELAY_MS}`)
  }
  const pageSize = given.pageSize ?? 100
  if (!isIntegerIn(pageSize, 1, 100)) problem('pageSize', 'must be a whole number from 1 to 100')
  const sweepConcurrency = given.sweepConcurrency ?? 4
  if (!isIntegerIn(sweepConcurrency, 1, MAX_SWEEP_CONCURRENCY)) {
    problem('sweepConcurrency', `must be a whole number from 1 to ${MAX_SWEEP_CONCURRENCY}`)
  }
  const maxPark = given.maxPark ?? 3_600_000
  if (!isIntegerIn(maxPark, MIN_PARK_MS, MAX_DELAY_MS)) {
    problem('maxPark', `must be a whole number of ms from ${MIN_PARK_MS} to ${MAX_DELAY_MS}`)
  }
  if (issues.length > 0 || connection === undefined) throw new InvalidRequestError('new ApprovalGate', issues)
  return { connection, prefix, name, sweepInterval, pageSize, sweepConcurrency, maxPark }
}

function isIntegerIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
}

// A pg.Pool or pg config: what BullMQ's Postgres backend is given in place of Redis options.
function looksLikePostgres(connection: object): boolean {
  return 'connectionString' in connection || ('query' in connection && !('defineCommand' in connection))
}
