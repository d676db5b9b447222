// The Redis message store against a real Redis: what one process posted, another updates.
import { randomUUID } from 'node:crypto'
import { InvalidRequestError } from '@signoff/client'
import { RedisMessageStore } from '@signoff/slack/redis'
import { Redis } from 'ioredis'
import { afterAll, afterEach, expect, inject, it } from 'vitest'
import { ALICE, buttonsOf, Harness } from './harness.js'

// The run's one Redis, started by scripts/redis.setup.ts (the node project's globalSetup).
declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string
  }
}

const connections: Redis[] = []
// A prefix per run: the Redis is shared with the other test files (and may be $REDIS_URL).
const prefix = `signoff-test:${randomUUID()}:`

afterAll(async () => {
  const redis = connect()
  const keys = await redis.keys(`${prefix}*`)
  if (keys.length > 0) await redis.del(...keys)
  await Promise.all(connections.map((connection) => connection.quit()))
})

function connect(): Redis {
  const redis = new Redis(inject('redisUrl'))
  connections.push(redis)
  return redis
}

let harness: Harness | undefined
afterEach(() => harness?.close())

it('keeps, replaces and forgets messages, each with a time to live', async () => {
  const redis = connect()
  const store = new RedisMessageStore(redis, { prefix, ttlSeconds: 600 })
  expect(await store.get('A1')).toBeUndefined()
  await store.set('A1', { channel: 'C0000000001', ts: '1.1' })
  await store.set('A1', { channel: 'C0000000001', ts: '1.2' })
  expect(await store.get('A1')).toEqual({ channel: 'C0000000001', ts: '1.2' })
  const ttl = await redis.ttl(`${prefix}message:A1`)
  expect(ttl).toBeGreaterThan(0)
  expect(ttl).toBeLessThanOrEqual(600)
  await store.delete('A1')
  expect(await store.get('A1')).toBeUndefined()
  // A value this store did not write reads as missing, never as a crash.
  await redis.set(`${prefix}message:A2`, 'not json')
  expect(await store.get('A2')).toBeUndefined()
  expect(() => new RedisMessageStore(redis, { ttlSeconds: 0 })).toThrow(InvalidRequestError)
})

it('lets another process update the message one process posted', async () => {
  harness = await Harness.start({ store: new RedisMessageStore(connect(), { prefix }) })
  const { approval, message } = await harness.pause()
  // Now the webhooks reach another process, with its own Redis connection.
  harness.api.mock.store.removeWebhookEndpoint(harness.api.mock.store.deliveries[0]?.endpointId ?? '')
  await harness.receiveWebhooks(harness.reviewer({ store: new RedisMessageStore(connect(), { prefix }) }))

  await harness.client.approvals.decide({ approval_id: approval.id, decision: 'approved', reason: 'Fine' })
  await harness.settle()
  expect(harness.slack.callsTo('chat.update')).toHaveLength(1)
  expect(buttonsOf(message)).toEqual([])
  expect(JSON.stringify(message.blocks)).toContain('*Reason:* Fine')
  // Its work done, the entry is gone.
  expect(await connect().exists(`${prefix}message:${approval.id}`)).toBe(0)

  // A click on another approval's message in the first process still works as usual.
  const next = await harness.pause({ message: 'Second question' })
  await harness.slack.click(next.message, 'signoff_approve', ALICE)
  await harness.settle()
  expect(harness.approval(next.approval.id).status).toBe('approved')
})
