import { describe, expect, it } from 'vitest'
import { startMockServer } from '../src/node.js'

describe('startMockServer', () => {
  it('leaves the global Request and Response alone: a Response made afterwards behaves as Node\'s', async () => {
    const { Request: NodeRequest, Response: NodeResponse } = globalThis
    const server = await startMockServer()
    try {
      // Serve one request, since an adapter may swap globals lazily.
      expect((await fetch(`${server.url}/api/v1/approvals`)).status).toBe(401)
      expect(globalThis.Response).toBe(NodeResponse)
      expect(globalThis.Request).toBe(NodeRequest)
      // What a custom fetch in a test does: build a Response and hand it to code that reads it.
      const made = new Response('{"ok":true}', { headers: { 'content-type': 'application/json' } })
      expect(await made.json()).toEqual({ ok: true })
    } finally {
      await server.close()
    }
  })

  it('drops the connection for a reset fault, with no answer at all', async () => {
    const server = await startMockServer({ faults: { rules: [{ route: 'GET /approvals', schedule: ['reset', 'lost_response'] }] } })
    try {
      const headers = { 'x-api-key': server.mock.store.defaults.apiKey }
      await expect(fetch(`${server.url}/api/v1/approvals`, { headers })).rejects.toThrow(TypeError)
      await expect(fetch(`${server.url}/api/v1/approvals`, { headers })).rejects.toThrow(TypeError)
      expect((await fetch(`${server.url}/api/v1/approvals`, { headers })).status).toBe(200)
      expect(server.mock.faults.counts).toEqual({ reset: 1, lost_response: 1 })
    } finally {
      await server.close()
    }
  })
})
