import { describe, expect, it } from 'vitest'
import { SeenMessages } from '../../src/webhooks/seen-messages.js'

describe('SeenMessages', () => {
  it('queues runs for one id: after a failure the next copy runs, the rest find it handled', async () => {
    const seen = new SeenMessages(10)
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
      seen.once('msg', run('a', true)),
      seen.once('msg', run('b', false)),
      seen.once('msg', run('c', false)),
      seen.once('msg', run('d', false)),
    ])
    expect(outcomes.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : 'failed'))).toEqual(['failed', 'handled', 'duplicate', 'duplicate'])
    expect(order).toEqual(['start a', 'end a', 'start b', 'end b'])
    expect(mostAtOnce).toBe(1)
  })
})
