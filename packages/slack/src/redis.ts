/**
 * `@signoff/slack/redis`: a {@link RedisMessageStore} that lets many processes share which
 * Slack message shows which approval. Needs `ioredis` (an optional peer dependency).
 *
 * @packageDocumentation
 */
import { InvalidRequestError } from '@signoff/client'
import type { Redis } from 'ioredis'
import type { MessageRef } from './message/views.js'
import type { MessageStore } from './store/message-store.js'

/** Options of {@link RedisMessageStore}. */
export interface RedisMessageStoreOptions {
  /** Prefix of every key, to share a Redis with other data. @defaultValue `'signoff:slack:'` */
  prefix?: string | undefined
  /**
   * Seconds an entry lives. Approvals are decided or expire long before; this only keeps
   * Redis from filling with messages nobody will update. @defaultValue `2592000` (30 days)
   */
  ttlSeconds?: number | undefined
}

/**
 * A {@link MessageStore} in Redis (through an `ioredis` client you create and close), for
 * reviewers in many processes: any process that receives a webhook finds the message another
 * one posted.
 *
 * @example
 * ```ts
 * import { Redis } from 'ioredis'
 * import { RedisMessageStore } from '@signoff/slack/redis'
 * const store = new RedisMessageStore(new Redis(process.env.REDIS_URL))
 * const slack = new SlackReviewer(client, { token, signingSecret, channel, store })
 * ```
 */
export class RedisMessageStore implements MessageStore {
  readonly #redis: Redis
  readonly #prefix: string
  readonly #ttlSeconds: number

  constructor(redis: Redis, options: RedisMessageStoreOptions = {}) {
    const ttl = options.ttlSeconds ?? 30 * 24 * 3600
    if (!Number.isInteger(ttl) || ttl < 1) {
      throw new InvalidRequestError('new RedisMessageStore', [{ path: ['ttlSeconds'], message: 'ttlSeconds must be a whole number of at least 1' }])
    }
    this.#redis = redis
    this.#prefix = options.prefix ?? 'signoff:slack:'
    this.#ttlSeconds = ttl
  }

  #key(approvalId: string): string {
    return `${this.#prefix}message:${approvalId}`
  }

  /** The message of an approval, or `undefined` when none is known (or it expired). */
  async get(approvalId: string): Promise<MessageRef | undefined> {
    const stored = await this.#redis.get(this.#key(approvalId))
    if (stored === null) return undefined
    try {
      const value: unknown = JSON.parse(stored)
      if (typeof value === 'object' && value !== null && 'channel' in value && 'ts' in value) {
        const { channel, ts } = value
        if (typeof channel === 'string' && typeof ts === 'string') return { channel, ts }
      }
    } catch {
      // Not written by this store: treated as missing, like an entry that expired.
    }
    return undefined
  }

  /** Records the message of an approval for `ttlSeconds`, replacing any earlier one. */
  async set(approvalId: string, message: MessageRef): Promise<void> {
    await this.#redis.set(this.#key(approvalId), JSON.stringify({ channel: message.channel, ts: message.ts }), 'EX', this.#ttlSeconds)
  }

  /** Forgets an approval's message. */
  async delete(approvalId: string): Promise<void> {
    await this.#redis.del(this.#key(approvalId))
  }
}
