/**
 * Remembers the ids of messages already handled, forgetting the oldest beyond `capacity`, so
 * memory stays bounded however long the receiver runs. A redelivery keeps its `webhook-id`,
 * which is what makes this enough to handle each message once.
 */
export class SeenMessages {
  readonly #capacity: number
  readonly #ids = new Set<string>()
  readonly #inFlight = new Map<string, Promise<void>>()

  constructor(capacity: number) {
    this.#capacity = capacity
  }

  /** Whether a message was handled successfully before. */
  has(id: string): boolean {
    return this.#ids.has(id)
  }

  /** The handling of this id still under way, if any: a concurrent redelivery waits for it. */
  inFlight(id: string): Promise<void> | undefined {
    return this.#inFlight.get(id)
  }

  /** Runs `handle` for an id, recording the id only when it succeeded. */
  async run(id: string, handle: () => Promise<void>): Promise<void> {
    const running = handle()
    this.#inFlight.set(id, running)
    try {
      await running
      this.#ids.add(id)
      if (this.#ids.size > this.#capacity) {
        const oldest = this.#ids.values().next().value
        if (oldest !== undefined) this.#ids.delete(oldest)
      }
    } finally {
      this.#inFlight.delete(id)
    }
  }

  /** How many ids are remembered. */
  get size(): number {
    return this.#ids.size
  }
}
