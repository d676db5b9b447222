import { describe, expect, it } from 'vitest'
import { createWebhookHandler } from '../../src/index.js'
import { SECRET, event, headers, serve } from './fixture.js'

describe('createWebhookHandler on node:http', () => {
  it('verifies, dispatches by type and answers 2xx after the handler ran', async () => {
    const seen: string[] = []
    const url = await serve(createWebhookHandler({
      secret: SECRET,
      on: { 'execution.awaiting_approval': async (received) => { seen.push(received.data.approval.id) } },
    }))
    const body = event()
    const response = await fetch(url, { method: 'POST', body, headers: headers(body) })
    expect(response.status).toBe(200)
    expect(seen).toEqual(['appr_1'])
  })

  it('handles a redelivery once, answering 2xx again', async () => {
    let calls = 0
    const url = await serve(createWebhookHandler({ secret: SECRET, on: { 'execution.awaiting_approval': () => { calls += 1 } } }))
    const body = event()
    const signed = headers(body, 'msg_dup')
    expect((await fetch(url, { method: 'POST', body, headers: signed })).status).toBe(200)
    expect((await fetch(url, { method: 'POST', body, headers: signed })).status).toBe(200)
    expect(calls).toBe(1)
  })

  it('answers 500 when the handler throws, and handles the retry', async () => {
    let calls = 0
    const errors: unknown[] = []
    const url = await serve(createWebhookHandler({
      secret: SECRET,
      on: { 'execution.awaiting_approval': () => { calls += 1; if (calls === 1) throw new Error('database down') } },
      onError: (error) => errors.push(error),
    }))
    const body = event()
    const signed = headers(body, 'msg_retry')
    const first = await fetch(url, { method: 'POST', body, headers: signed })
    expect(first.status).toBe(500)
    expect(await first.text()).not.toContain('database down')
    expect((await fetch(url, { method: 'POST', body, headers: signed })).status).toBe(200)
    expect(calls).toBe(2)
    expect(errors).toHaveLength(1)
  })

  it('rejects a bad signature with 401 and a missing header with 400, without detail', async () => {
    let calls = 0
    const url = await serve(createWebhookHandler({ secret: SECRET, on: { 'execution.awaiting_approval': () => { calls += 1 } } }))
    const body = event()
    const forged = await fetch(url, { method: 'POST', body: `${body} `, headers: headers(body) })
    expect(forged.status).toBe(401)
    expect(await forged.json()).toEqual({ error: 'invalid webhook' })
    const bare = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json' } })
    expect(bare.status).toBe(400)
    expect(calls).toBe(0)
  })

  it('checks the signature over the bytes received: a byte-order mark nobody signed is refused', async () => {
    const handled: string[] = []
    const url = await serve(createWebhookHandler({ secret: SECRET, on: { 'execution.awaiting_approval': (received) => { handled.push(received.data.approval.id) } } }))
    const body = event()
    const withMark = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body)])
    expect((await fetch(url, { method: 'POST', body: withMark, headers: headers(body, 'msg_bom') })).status).toBe(401)
    expect((await fetch(url, { method: 'POST', body: withMark, headers: headers(`\uFEFF${body}`, 'msg_signed_bom') })).status).toBe(200)
    expect(handled).toEqual(['appr_1'])
  })

  it('answers 413 past the size limit and 405 to other methods', async () => {
    const url = await serve(createWebhookHandler({ secret: SECRET, on: {}, maxBodyBytes: 100 }))
    const body = event()
    expect((await fetch(url, { method: 'POST', body, headers: headers(body) })).status).toBe(413)
    expect((await fetch(url)).status).toBe(405)
  })

  it('acknowledges event types it has no handler for', async () => {
    const url = await serve(createWebhookHandler({ secret: SECRET, on: {} }))
    const body = JSON.stringify({ type: 'approval.escalated', timestamp: new Date().toISOString(), data: {} })
    expect((await fetch(url, { method: 'POST', body, headers: headers(body, 'msg_unknown') })).status).toBe(200)
  })

  it('works as middleware after a raw body parser, and explains a JSON-parsed body', async () => {
    const seen: string[] = []
    const handler = createWebhookHandler({
      secret: SECRET,
      on: { 'approval.decided': (received) => { seen.push(received.data.approval.id) } },
      onError: (error) => seen.push(`error: ${String(error)}`),
    })
    const body = event('approval.decided')
    // A raw parser (like express.raw) leaves a Buffer in req.body.
    const url = await serve(async (request, response) => {
      const chunks: Buffer[] = []
      for await (const chunk of request) chunks.push(chunk as Buffer)
      const raw = Buffer.concat(chunks)
      const parsed = request.url === '/json' ? JSON.parse(raw.toString()) : raw
      Object.assign(request, { body: parsed })
      handler(request, response)
    })
    expect((await fetch(url, { method: 'POST', body, headers: headers(body, 'msg_raw') })).status).toBe(200)
    expect(seen).toEqual(['appr_1'])
    expect((await fetch(`${url}json`, { method: 'POST', body, headers: headers(body, 'msg_json') })).status).toBe(500)
    expect(seen.at(-1)).toMatch(/express\.raw/)
  })
})
