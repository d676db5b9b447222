// The receiver as Express 4 middleware, behind the body parsers users mount. body-parser 1.x
// (Express 4's) sets req.body = {} on every request it does not parse and leaves the stream
// unread; when it does parse, it reads the stream to its end.
import express from 'express'
import { describe, expect, it } from 'vitest'
import { createWebhookHandler } from '../../src/index.js'
import { SECRET, event, headers, serve } from './fixture.js'

function receiver() {
  const handled: string[] = []
  const errors: string[] = []
  const handler = createWebhookHandler({
    secret: SECRET,
    on: { 'approval.decided': (received) => { handled.push(received.data.approval.id) } },
    onError: (error) => errors.push(String(error)),
  })
  return { handler, handled, errors }
}

/** POSTs a signed approval.decided message with the given content type, or none. */
async function deliver(url: string, id: string, contentType: string | undefined) {
  const body = event('approval.decided')
  const { 'content-type': _json, ...signed } = headers(body, id)
  const sent = contentType === undefined ? signed : { ...signed, 'content-type': contentType }
  // A Uint8Array body makes fetch send no content type of its own.
  return (await fetch(url, { method: 'POST', body: new TextEncoder().encode(body), headers: sent })).status
}

describe('createWebhookHandler in Express 4', () => {
  it("behind express.raw({ type: 'application/json' }) takes JSON, text/plain and no content type alike", async () => {
    const { handler, handled, errors } = receiver()
    const app = express()
    app.post('/hooks', express.raw({ type: 'application/json' }), handler)
    const url = `${await serve(app)}hooks`
    expect(await deliver(url, 'msg_json', 'application/json')).toBe(200)
    expect(await deliver(url, 'msg_text', 'text/plain')).toBe(200)
    expect(await deliver(url, 'msg_none', undefined)).toBe(200)
    expect(errors).toEqual([])
    expect(handled).toHaveLength(3)
  })

  it('after app.use(express.json()), reads the bodies it skipped and explains the ones it parsed', async () => {
    const { handler, handled, errors } = receiver()
    const app = express()
    app.use(express.json())
    app.post('/hooks', handler)
    const url = `${await serve(app)}hooks`
    expect(await deliver(url, 'msg_text', 'text/plain')).toBe(200)
    expect(handled).toHaveLength(1)
    expect(await deliver(url, 'msg_json', 'application/json')).toBe(500)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/a body parser already read and parsed the body \(req\.body is an object, not the raw bytes\)/)
    expect(errors[0]).toMatch(/before app\.use\(express\.json\(\)\)/)
  })

  it('after app.use(express.text()), says the text parser decoded the bytes the signature covers', async () => {
    const { handler, errors } = receiver()
    const app = express()
    app.use(express.text())
    app.post('/hooks', handler)
    const url = `${await serve(app)}hooks`
    expect(await deliver(url, 'msg_text', 'text/plain')).toBe(500)
    expect(errors[0]).toMatch(/req\.body is a string/)
  })
})
