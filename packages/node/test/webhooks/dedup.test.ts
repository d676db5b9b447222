// De-duplication by webhook-id: one handler run at a time per id, and each id handled once.
import type { RequestListener } from 'node:http'
import { describe, expect, it } from 'vitest'
import { createWebhookHandler } from '../../src/index.js'
import { SECRET, event, headers, post, serve } from './fixture.js'

/** A promise with its resolve function, to hold a handler until the test lets it go. */
function gate() {
  let open = () => {}
  const opened = new Promise<void>((resolve) => (open = resolve))
  return { opened, open }
}

/** Wraps a listener to resolve once `count` requests have been read to the end. */
function counting(listener: RequestListener, count: number) {
  const arrived = gate()
  let seen = 0
  const wrapped: RequestListener = (request, response) => {
    request.once('end', () => {
      seen += 1
      if (seen === count) arrived.open()
    })
    listener(request, response)
  }
  return { wrapped, arrived: arrived.opened }
}

describe('one handler run at a time per webhook-id', () => {
  it('copies that arrive while the first run is failing wait, then run one at a time', async () => {
    const release = gate()
    const started = gate()
    let runs = 0
    let running = 0
    let mostAtOnce = 0
    const handler = createWebhookHandler({
      secret: SECRET,
      on: {
        'execution.awaiting_approval': async () => {
          runs += 1
          running += 1
          mostAtOnce = Math.max(mostAtOnce, running)
          try {
            if (runs === 1) {
              started.open()
              await release.opened
              throw new Error('database down')
            }
            // A later run takes a moment too, so runs that overlap would show.
            await new Promise((resolve) => setTimeout(resolve, 20))
          } finally {
            running -= 1
          }
        },
      },
    })
    const { wrapped, arrived } = counting(handler, 3)
    const url = await serve(wrapped)
    const body = event()
    const signed = headers(body, 'msg_copies')

    const first = post(url, body, signed)
    await started.opened
    const copies = [post(url, body, signed), post(url, body, signed)]
    await arrived
    // Let both copies get through verification to where they wait for the first run.
    await new Promise((resolve) => setTimeout(resolve, 100))
    release.open()

    expect((await first).status).toBe(500)
    expect((await Promise.all(copies)).map((response) => response.status)).toEqual([200, 200])
    expect(mostAtOnce).toBe(1)
    // The first copy to follow ran again after the failure; the last found it handled.
    expect(runs).toBe(2)
  })

  it('other ids are not held up by a slow one', async () => {
    const release = gate()
    const handled: string[] = []
    const url = await serve(createWebhookHandler({
      secret: SECRET,
      on: {
        'execution.awaiting_approval': async () => {
          await release.opened
          handled.push('slow')
        },
        'approval.decided': () => {
          handled.push('quick')
        },
      },
    }))
    const slowBody = event()
    const slow = post(url, slowBody, headers(slowBody, 'msg_slow'))
    const quickBody = event('approval.decided')
    expect((await post(url, quickBody, headers(quickBody, 'msg_quick'))).status).toBe(200)
    release.open()
    expect((await slow).status).toBe(200)
    expect(handled).toEqual(['quick', 'slow'])
  })
})

describe('remembering ids for as long as their messages can be replayed', () => {
  it('drops an exact replay within the tolerance whatever came between, and turns away what it cannot remember', async () => {
    let now = Date.now()
    let runs = 0
    const errors: string[] = []
    const url = await serve(createWebhookHandler({
      secret: SECRET,
      rememberIds: 3,
      now: () => now,
      on: { 'execution.awaiting_approval': () => { runs += 1 } },
      onError: (error) => errors.push(String(error)),
    }))
    const body = event()
    const signedAt = new Date(now)
    const send = (id: string) => post(url, body, headers(body, id, signedAt))
    const sent = await Promise.all(['msg_a', 'msg_b', 'msg_c'].map(send))
    expect(sent.map((response) => response.status)).toEqual([200, 200, 200])
    expect(runs).toBe(3)

    // A fourth message while all three can still be replayed: forgetting one would let its
    // replay run again, so the fourth is turned away for now, to be retried.
    const full = await send('msg_d')
    expect(full.status).toBe(503)
    expect(Number(full.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(errors.at(-1)).toMatch(/raise rememberIds/)
    expect(runs).toBe(3)

    // The exact replay of the first message, still within the tolerance, is not handled again.
    now += 299_000
    expect((await send('msg_a')).status).toBe(200)
    expect(runs).toBe(3)

    // Once the first messages are past the tolerance they can be forgotten, oldest first.
    now += 2_000
    const later = new Date(now)
    const fresh = await post(url, body, headers(body, 'msg_d', later))
    expect(fresh.status).toBe(200)
    expect(runs).toBe(4)
  })
})
