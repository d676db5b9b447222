import { Queue, type RedisClient } from 'bullmq'
import { decodeJobRef, encodeJobRef, type JobRef, type TargetKey } from './keys.js'
import type { WaitStore } from './store.js'

// Promotions run this many at a time: a wake of many jobs stays quick without flooding Redis.
const CONCURRENT_PROMOTIONS = 50

/**
 * Wakes parked jobs: BullMQ's own `promote()` on each job found waiting on a target. One
 * `Queue` handle per queue the jobs live in, all on the gate's one Redis connection.
 */
export class Waker {
  readonly #store: WaitStore
  readonly #client: () => Promise<RedisClient>
  readonly #queues = new Map<string, Queue>()

  constructor(store: WaitStore, client: () => Promise<RedisClient>) {
    this.#store = store
    this.#client = client
  }

  /** Wakes every job parked on `target`; answers how many were promoted. */
  async wakeTarget(target: TargetKey): Promise<number> {
    const jobs = await this.#store.wake(target)
    let woken = 0
    for (let start = 0; start < jobs.length; start += CONCURRENT_PROMOTIONS) {
      const slice = jobs.slice(start, start + CONCURRENT_PROMOTIONS)
      const results = await Promise.all(slice.map((job) => this.#promote(target, job)))
      woken += results.filter(Boolean).length
    }
    return woken
  }

  /** Promotes one job if it is parked: `gone` when it no longer exists, `busy` when it is not delayed. */
  async promote(ref: JobRef): Promise<'promoted' | 'busy' | 'gone'> {
    const job = await (await this.#queue(ref)).getJob(ref.id)
    if (job === undefined) return 'gone'
    try {
      await job.promote()
      return 'promoted'
    } catch {
      // Not delayed (any more): running, queued or finished. A running job reads the woken
      // mark after it parks; anything else needs no wake.
      return 'busy'
    }
  }

  async close(): Promise<void> {
    const queues = [...this.#queues.values()]
    this.#queues.clear()
    await Promise.all(queues.map((queue) => queue.close()))
  }

  async #promote(target: TargetKey, encoded: string): Promise<boolean> {
    const ref = decodeJobRef(encoded)
    const outcome = ref === undefined ? 'gone' : await this.promote(ref)
    // A job removed while parked leaves its record behind: drop it here.
    if (outcome === 'gone') await this.#store.forget(target, encoded)
    return outcome === 'promoted'
  }

  async #queue(ref: JobRef): Promise<Queue> {
    const key = encodeJobRef({ ...ref, id: '' })
    let queue = this.#queues.get(key)
    if (queue === undefined) {
      queue = new Queue(ref.queueName, { connection: await this.#client(), prefix: ref.prefix })
      this.#queues.set(key, queue)
    }
    return queue
  }
}
