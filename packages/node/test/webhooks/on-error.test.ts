// An onError that fails must not cost the sender its answer, nor the process its life.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createWebhookHandler } from '../../src/index.js'
import { SECRET, event, headers, post, serve } from './fixture.js'

const unhandled: unknown[] = []
const record = (reason: unknown) => unhandled.push(reason)
beforeEach(() => {
  unhandled.length = 0
  process.on('unhandledRejection', record)
})
afterEach(() => {
  process.off('unhandledRejection', record)
})

const failingReporters = {
  'throws': () => {
    throw new Error('logger down')
  },
  'rejects': async () => {
    throw new Error('logger down')
  },
}

describe.each(Object.entries(failingReporters))('an onError that %s', (_name, onError) => {
  it('still answers every failure as it would without it', async () => {
    const url = await serve(createWebhookHandler({
      secret: SECRET,
      on: {
        'approval.decided': () => {
          throw new Error('database down')
        },
      },
      onError,
    }))
    const body = event()
    expect((await post(url, `${body} `, headers(body, 'msg_forged'))).status).toBe(401)
    expect((await post(url, body, { 'content-type': 'application/json' })).status).toBe(400)
    const decided = event('approval.decided')
    expect((await post(url, decided, headers(decided, 'msg_fails'))).status).toBe(500)
    expect((await post(url, body, headers(body, 'msg_fine'))).status).toBe(200)
    // Give a stray rejection the turn it needs to be reported.
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(unhandled).toEqual([])
  })
})
