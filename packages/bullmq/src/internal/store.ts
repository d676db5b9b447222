import type { RedisClient } from 'bullmq'
import { GateKeys, type TargetKey } from './keys.js'

// How long a wake is remembered for a job that was still running when it came. Far longer
// than the moment between recording a wait and parking; short enough that wakes for approvals
// nobody waits on leave nothing behind for long.
const WOKEN_MARK_MS = 10 * 60_000
// Waiting targets are read in slices, so a sweep over many does not build one huge reply.
const SLICE = 5_000

// Each script touches keys of one gate only; run atomically, they leave no gap between a
// wait being recorded and a wake looking for it.
const SCRIPTS = {
  // Records a job's wait; answers whether the target was woken meanwhile (then do not park).
  signoffGateRecord: {
    numberOfKeys: 3,
    lua: `redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
redis.call('SADD', KEYS[2], ARGV[2])
return redis.call('EXISTS', KEYS[3])`,
  },
  // Drops a job's wait; the target goes when no job is left on it.
  signoffGateForget: {
    numberOfKeys: 2,
    lua: `redis.call('SREM', KEYS[2], ARGV[2])
if redis.call('SCARD', KEYS[2]) == 0 then redis.call('ZREM', KEYS[1], ARGV[1]) end
return 0`,
  },
  // Marks a target woken and answers the jobs parked on it.
  signoffGateWake: {
    numberOfKeys: 2,
    lua: `redis.call('SET', KEYS[2], '1', 'PX', ARGV[1])
return redis.call('SMEMBERS', KEYS[1])`,
  },
  // One slice of the targets recorded at or before a time.
  signoffGateWaiting: {
    numberOfKeys: 1,
    lua: `return redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', ARGV[2], ARGV[3])`,
  },
} as const

type ScriptName = keyof typeof SCRIPTS
const defined = new WeakSet<RedisClient>()

/** The gate's records in Redis: who waits on what, and which targets were woken. */
export class WaitStore {
  readonly keys: GateKeys
  readonly #client: () => Promise<RedisClient>

  constructor(client: () => Promise<RedisClient>, keys: GateKeys) {
    this.#client = client
    this.keys = keys
  }

  /** Records that `job` waits on `target`; true when the target was woken a moment ago. */
  async record(target: TargetKey, job: string, now: number): Promise<boolean> {
    const keys = [this.keys.waiting, this.keys.jobs(target), this.keys.woken(target)]
    return Number(await this.#run('signoffGateRecord', keys, [target, job, String(now)])) === 1
  }

  async forget(target: TargetKey, job: string): Promise<void> {
    await this.#run('signoffGateForget', [this.keys.waiting, this.keys.jobs(target)], [target, job])
  }

  /** Marks `target` woken; answers the jobs parked on it. */
  async wake(target: TargetKey): Promise<string[]> {
    const jobs: unknown = await this.#run('signoffGateWake', [this.keys.jobs(target), this.keys.woken(target)], [String(WOKEN_MARK_MS)])
    return Array.isArray(jobs) ? jobs.map(String) : []
  }

  async wasWoken(target: TargetKey): Promise<boolean> {
    return (await (await this.#client()).get(this.keys.woken(target))) !== null
  }

  /** Every target recorded at or before `time`, read slice by slice. */
  async *waitingSince(time: number): AsyncGenerator<TargetKey[]> {
    for (let offset = 0; ; offset += SLICE) {
      const slice: unknown = await this.#run('signoffGateWaiting', [this.keys.waiting], [String(time), String(offset), String(SLICE)])
      const targets = Array.isArray(slice) ? (slice.map(String) as TargetKey[]) : []
      if (targets.length > 0) yield targets
      if (targets.length < SLICE) return
    }
  }

  async #run(name: ScriptName, keys: string[], args: string[]): Promise<unknown> {
    const client = await this.#client()
    if (!defined.has(client)) {
      for (const [scriptName, script] of Object.entries(SCRIPTS)) client.defineCommand(scriptName, script)
      defined.add(client)
    }
    return client.runCommand(name, [...keys, ...args])
  }
}
