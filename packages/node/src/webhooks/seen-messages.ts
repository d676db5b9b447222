/** What became of a message given to {@link SeenMessages.once}. */
export type Outcome = 'handled' | 'duplicate'

/**
 * Every id kept may still be replayed, so none can be forgotten, and the message was not
 * handled: the sender should try again after `retryAfterMs`.
 */
export class MemoryFullError extends Error {
  override name = 'MemoryFullError'
  /** When the first remembered id may be forgotten, in milliseconds from now. */
  readonly retryAfterMs: number

  constructor(capacity: number, retryAfterMs: number) {
    super(
      `${capacity} message ids are remembered and each could still pass the timestamp check, so ` +
        'none can be forgotten and this message was turned away (503) to be retried: raise rememberIds',
    )
    this.retryAfterMs = retryAfterMs
  }
}

/**
 * Handles each message id once. A redelivery keeps its `webhook-id`, which is what makes the
 * id enough. Runs for one id never overlap: a copy that arrives while another copy is being
 * handled waits its turn, then runs only if every earlier run failed. Copies of different ids
 * do not wait for each other.
 *
 * Memory is bounded by `capacity` ids, and an id is never forgotten before its `replayableUntil`:
 * until then an exact replay of its message would pass verification and run again. Past that
 * time ids are forgotten oldest first, only to make room. When every kept id is still
 * replayable, a new message is turned away with a {@link MemoryFullError} rather than let an
 * old one through again.
 */
export class SeenMessages {
  readonly #capacity: number
  readonly #now: () => number
  // Handled ids, oldest first, with the time until which each could be replayed.
  readonly #ids = new Map<string, number>()
  // The last run queued for each id, settled either way; present only while runs are queued.
  readonly #queues = new Map<string, Promise<void>>()
  // Room held for messages being handled, so that each can be remembered when it succeeds.
  #reserved = 0
  // After a scan found nothing to forget: no id can be forgotten before this time.
  #nothingToForgetUntil = 0

  constructor(capacity: number, now: () => number) {
    this.#capacity = capacity
    this.#now = now
  }

  /**
   * Runs `handle` for an id after any earlier run for it has ended, unless one of them
   * succeeded; remembers the id once `handle` succeeds, at least until `replayableUntil`
   * (milliseconds). Rejects with `handle`'s error, or a {@link MemoryFullError} without running it.
   */
  async once(id: string, replayableUntil: number, handle: () => Promise<void>): Promise<Outcome> {
    const previous = this.#queues.get(id)
    const turn = (async (): Promise<Outcome> => {
      await previous
      const kept = this.#ids.get(id)
      if (kept !== undefined) {
        // A redelivery signed later can be replayed for longer.
        if (replayableUntil > kept) this.#ids.set(id, replayableUntil)
        return 'duplicate'
      }
      this.#reserve()
      try {
        await handle()
        this.#ids.set(id, replayableUntil)
      } finally {
        this.#reserved -= 1
      }
      return 'handled'
    })()
    const settled = turn.then(ignore, ignore)
    this.#queues.set(id, settled)
    try {
      return await turn
    } finally {
      if (this.#queues.get(id) === settled) this.#queues.delete(id)
    }
  }

  /** How many ids are remembered. */
  get size(): number {
    return this.#ids.size
  }

  #reserve(): void {
    while (this.#ids.size + this.#reserved >= this.#capacity) this.#forgetOne()
    this.#reserved += 1
  }

  /** Forgets the oldest id that can no longer be replayed, or throws when there is none. */
  #forgetOne(): void {
    const now = this.#now()
    if (now < this.#nothingToForgetUntil) throw new MemoryFullError(this.#capacity, this.#nothingToForgetUntil - now)
    let soonest = Number.POSITIVE_INFINITY
    for (const [id, replayableUntil] of this.#ids) {
      if (replayableUntil <= now) {
        this.#ids.delete(id)
        return
      }
      soonest = Math.min(soonest, replayableUntil)
    }
    // Every kept id is replayable, or all the room is held by messages being handled.
    if (!Number.isFinite(soonest)) throw new MemoryFullError(this.#capacity, 1_000)
    this.#nothingToForgetUntil = soonest
    throw new MemoryFullError(this.#capacity, soonest - now)
  }
}

function ignore(): void {}
