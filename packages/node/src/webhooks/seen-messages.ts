/** What became of a message given to {@link SeenMessages.once}. */
export type Outcome = 'handled' | 'duplicate'

/**
 * Handles each message id once. A redelivery keeps its `webhook-id`, which is what makes the
 * id enough. Runs for one id never overlap: a copy that arrives while another copy is being
 * handled waits its turn, then runs only if every earlier run failed. Copies of different ids
 * do not wait for each other.
 */
export class SeenMessages {
  readonly #capacity: number
  readonly #ids = new Set<string>()
  // The last run queued for each id, settled either way; present only while runs are queued.
  readonly #queues = new Map<string, Promise<void>>()

  constructor(capacity: number) {
    this.#capacity = capacity
  }

  /**
   * Runs `handle` for an id after any earlier run for it has ended, unless one of them
   * succeeded; remembers the id once `handle` succeeds. Rejects with `handle`'s error.
   */
  async once(id: string, handle: () => Promise<void>): Promise<Outcome> {
    const previous = this.#queues.get(id)
    const turn = (async (): Promise<Outcome> => {
      await previous
      if (this.#ids.has(id)) return 'duplicate'
      await handle()
      this.#remember(id)
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

  #remember(id: string): void {
    this.#ids.add(id)
    if (this.#ids.size > this.#capacity) {
      const oldest = this.#ids.values().next().value
      if (oldest !== undefined) this.#ids.delete(oldest)
    }
  }
}

function ignore(): void {}
