import { InvalidRequestError } from '@signoff/client'
import type { MessageRef } from '../message/views.js'

/**
 * Remembers which Slack message shows which approval, so a decision made anywhere (the CLI, a
 * reviewer page, another Slack click) can update that message. Give one implementation to
 * every process that receives webhooks: {@link MemoryMessageStore} for one process,
 * `RedisMessageStore` from `@signoff/slack/redis` for many.
 *
 * Entries may vanish (a restart of a memory store, an eviction): the reviewer treats a
 * missing entry as "no message to update", never as an error.
 */
export interface MessageStore {
  /** The message of an approval, or `undefined` when none is known. */
  get(approvalId: string): Promise<MessageRef | undefined>
  /** Records the message of an approval, replacing any earlier one. */
  set(approvalId: string, message: MessageRef): Promise<void>
  /** Forgets an approval's message (called once it shows a final outcome). */
  delete(approvalId: string): Promise<void>
}

/** Options of {@link MemoryMessageStore}. */
export interface MemoryMessageStoreOptions {
  /** Most entries kept; the oldest are forgotten past it, so memory stays bounded. @defaultValue `100000` */
  capacity?: number | undefined
}

/** A {@link MessageStore} in this process's memory: the default, for a single process. */
export class MemoryMessageStore implements MessageStore {
  readonly #entries = new Map<string, MessageRef>()
  readonly #capacity: number

  constructor(options: MemoryMessageStoreOptions = {}) {
    const capacity = options.capacity ?? 100_000
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new InvalidRequestError('new MemoryMessageStore', [{ path: ['capacity'], message: 'capacity must be a whole number of at least 1' }])
    }
    this.#capacity = capacity
  }

  /** {@inheritDoc MessageStore.get} */
  async get(approvalId: string): Promise<MessageRef | undefined> {
    const entry = this.#entries.get(approvalId)
    return entry && { ...entry }
  }

  /** {@inheritDoc MessageStore.set} */
  async set(approvalId: string, message: MessageRef): Promise<void> {
    this.#entries.delete(approvalId)
    this.#entries.set(approvalId, { channel: message.channel, ts: message.ts })
    if (this.#entries.size > this.#capacity) {
      const oldest = this.#entries.keys().next().value
      if (oldest !== undefined) this.#entries.delete(oldest)
    }
  }

  /** {@inheritDoc MessageStore.delete} */
  async delete(approvalId: string): Promise<void> {
    this.#entries.delete(approvalId)
  }
}
