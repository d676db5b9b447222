import { describe, expect, it } from 'vitest'
import { MemoryFullError, SeenMessages } from '../../src/webhooks/seen-messages.js'

describe('SeenMessages', () => {
  it('queues runs for one id: after a failure the next copy runs, the rest find it handled', async () => {
    const seen = new SeenMessages(10, () => 0)
    const order: string[] = []
    let running = 0
    let mostAtOnce = 0
    const run = (name: string, fail: boolean) => async () => {
      running += 1
      mostAtOnce = Math.max(mostAtOnce, running)
      order.push(`start ${name}`)
      await new Promise((resolve) => setTimeout(resolve, 5))
      running -= 1
      order.push(`end ${name}`)
      if (fail) throw new Error(`${name} failed`)
    }
    const outcomes = await Promise.allSettled([
      seen.once('msg', 1_000, run('a', true)),
      seen.once('msg', 1_000, run('b', false)),
      seen.once('msg', 1_000, run('c', false)),
      seen.once('msg', 1_000, run('d', false)),
    ])
    expect(outcomes.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : 'failed'))).toEqual(['failed', 'handled', 'duplicate', 'duplicate'])
    expect(order).toEqual(['start a', 'end a', 'start b', 'end b'])
    expect(mostAtOnce).toBe(1)
  })

  it('after 10,000 other messages within the tolerance, a replay of the first is still a duplicate', async () => {
    const now = 1_000_000
    const seen = new SeenMessages(10_001, () => now)
    let runs = 0
    const handle = async () => {
      runs += 1
    }
    await seen.once('first', now + 300_000, handle)
    for (let index = 0; index < 10_000; index++) await seen.once(`other ${index}`, now + 300_000, handle)
    // Full: the next new id is turned away rather than the first one forgotten.
    await expect(seen.once('one more', now + 300_000, handle)).rejects.toBeInstanceOf(MemoryFullError)
    expect(await seen.once('first', now + 300_000, handle)).toBe('duplicate')
    expect(runs).toBe(10_001)
  })

  it('keeps memory within capacity: forgets only ids past their replay time, oldest first', async () => {
    let now = 0
    const seen = new SeenMessages(2, () => now)
    const handle = async () => {}
    await seen.once('a', 10_000, handle)
    await seen.once('b', 20_000, handle)
    await expect(seen.once('c', 30_000, handle)).rejects.toBeInstanceOf(MemoryFullError)
    now = 10_000
    expect(await seen.once('c', 30_000, handle)).toBe('handled')
    expect(seen.size).toBe(2)
    // a was forgotten, b and c are kept.
    expect(await seen.once('b', 20_000, handle)).toBe('duplicate')
    expect(await seen.once('c', 30_000, handle)).toBe('duplicate')
    for (let index = 0; index < 1_000; index++) {
      now += 40_000
      await seen.once(`id ${index}`, now + 30_000, handle)
      expect(seen.size).toBeLessThanOrEqual(2)
    }
  })

  it('says when to try again, and a redelivery signed later is kept for longer', async () => {
    let now = 0
    const seen = new SeenMessages(1, () => now)
    await seen.once('a', 5_000, async () => {})
    expect(await seen.once('a', 9_000, async () => {})).toBe('duplicate')
    const full = await seen.once('b', 20_000, async () => {}).catch((error: unknown) => error)
    expect(full).toBeInstanceOf(MemoryFullError)
    expect((full as MemoryFullError).retryAfterMs).toBe(9_000)
    now = 8_000
    await expect(seen.once('b', 20_000, async () => {})).rejects.toBeInstanceOf(MemoryFullError)
    now = 9_000
    expect(await seen.once('b', 20_000, async () => {})).toBe('handled')
  })

  it('a handler that fails gives its room back', async () => {
    const seen = new SeenMessages(1, () => 0)
    await expect(seen.once('a', 5_000, async () => { throw new Error('down') })).rejects.toThrow('down')
    expect(await seen.once('b', 5_000, async () => {})).toBe('handled')
  })
})
