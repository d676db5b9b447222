import { describe, expect, it } from 'vitest'
import { createMockApi, type MockApiCore } from '../src/index.js'
import { startMockServer } from '../src/node.js'
import { BASE, call, json, runGated } from './mock-helpers.js'

/** A body that never ends, counting how often the mock asked it for more. */
function endlessBody() {
  const counter = { pulls: 0 }
  const chunk = new Uint8Array(64 * 1024).fill(0x20)
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        counter.pulls += 1
        controller.enqueue(chunk)
      },
    },
    { highWaterMark: 0 },
  )
  return { body, counter }
}

function post(mock: MockApiCore, path: string, body: BodyInit, headers: Record<string, string>) {
  return mock.fetch(new Request(`${BASE}${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers }, duplex: 'half' } as RequestInit))
}

describe('request bodies', () => {
  it('answers 401 to an unauthenticated POST without reading its body, Idempotency-Key or not', async () => {
    const mock = createMockApi()
    const { approvalId } = await runGated(mock)
    for (const headers of [{ 'idempotency-key': 'k' }, {}, { 'x-api-key': 'pr_key_nobody', 'idempotency-key': 'k' }]) {
      const { body, counter } = endlessBody()
      const response = await post(mock, `/approvals/${approvalId}/decide`, body, headers)
      expect(response.status).toBe(401)
      expect(counter.pulls).toBe(0)
    }
  })

  it('refuses a body past maxBodyBytes with 413, reading no more than the limit', async () => {
    const mock = createMockApi({ maxBodyBytes: 1024 * 1024 })
    const { approvalId } = await runGated(mock)
    const { body, counter } = endlessBody()
    const streamed = await post(mock, `/approvals/${approvalId}/decide`, body, { 'x-api-key': mock.store.defaults.apiKey, 'idempotency-key': 'k' })
    expect(streamed.status).toBe(413)
    expect(await json(streamed)).toEqual({ error: { code: 'payload_too_large', message: 'the request body is larger than 1048576 bytes' } })
    // 64 KiB a pull: the limit is passed on the 17th, and nothing more is read.
    expect(counter.pulls).toBe(17)
    expect(mock.store.getApproval(approvalId)?.status).toBe('pending')
    // A body within the limit passes, padding included.
    const padded = `{"decision":"approved","reason":"ok"${' '.repeat(1000)}}`
    expect((await post(mock, `/approvals/${approvalId}/decide`, padded, { 'x-api-key': mock.store.defaults.apiKey })).status).toBe(200)
  })

  it('bounds bodies over real HTTP too: a declared length past the limit is refused unread', async () => {
    const server = await startMockServer({ maxBodyBytes: 4096 })
    try {
      const agent = server.mock.store.createAgent({ name: 'Open', config: {} })
      const response = await fetch(`${server.url}/api/v1/agents/${agent.id}/execute`, {
        method: 'POST',
        headers: { 'x-api-key': server.mock.store.defaults.apiKey, 'content-type': 'application/json' },
        body: JSON.stringify({ input: { text: 'x'.repeat(10_000) } }),
      })
      expect(response.status).toBe(413)
      expect(server.mock.store.listExecutions()).toEqual([])
    } finally {
      await server.close()
    }
  })

  it('validates decide with the shared schema: a body shaped like an error is a decision, reason must be a string of at most 10,000', async () => {
    const mock = createMockApi()
    const first = await runGated(mock)
    const disguised = await call(mock, 'POST', `/approvals/${first.approvalId}/decide`, {
      body: { decision: 'approved', status: 200, code: 'x', message: 'hi' },
    })
    expect(disguised.status).toBe(200)
    expect((await json(disguised)).data).toMatchObject({ id: first.approvalId, status: 'approved' })
    expect(mock.store.getApproval(first.approvalId)?.status).toBe('approved')

    const second = await runGated(mock)
    const odd = await call(mock, 'POST', `/approvals/${second.approvalId}/decide`, { body: { decision: 'approved', status: 999 } })
    expect(odd.status).toBe(200)

    const third = await runGated(mock)
    for (const reason of [null, 42, 'x'.repeat(10_001)]) {
      const refused = await call(mock, 'POST', `/approvals/${third.approvalId}/decide`, { body: { decision: 'approved', reason } })
      expect(refused.status).toBe(400)
      expect(((await json(refused)).error as { message: string }).message).toMatch(/^reason: reason must be/)
    }
    expect(mock.store.getApproval(third.approvalId)?.status).toBe('pending')
  })
})
