import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMockServer, type MockServer } from '../src/node.js'

// A page served from elsewhere, as a browser would announce it.
const PAGE = 'http://localhost:5173'

describe('CORS on the mock\'s real HTTP server', () => {
  let server: MockServer
  beforeAll(async () => {
    server = await startMockServer()
  })
  afterAll(() => server.close())

  it('answers a preflight for every header the client sends', async () => {
    const response = await fetch(`${server.url}/api/v1/approvals/abc/decide`, {
      method: 'OPTIONS',
      headers: {
        origin: PAGE,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,idempotency-key,x-api-key,x-workspace-id',
      },
    })
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect(response.headers.get('access-control-allow-methods')?.split(',')).toEqual(expect.arrayContaining(['GET', 'POST', 'PUT']))
    const allowed = (response.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(',')
    expect(allowed).toEqual(expect.arrayContaining(['accept', 'content-type', 'idempotency-key', 'x-api-key', 'x-workspace-id']))
    expect(response.headers.get('access-control-max-age')).toBe('600')
    // A preflight is the browser's question, not an API call: it is neither logged nor answered by a route.
    expect(server.mock.requests).toEqual([])
  })

  it('lets the page read the answer and the headers the client reads', async () => {
    const response = await fetch(`${server.url}/api/v1/approvals`, {
      headers: { origin: PAGE, 'x-api-key': server.mock.store.defaults.apiKey },
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    const exposed = (response.headers.get('access-control-expose-headers') ?? '').toLowerCase().split(',')
    expect(exposed).toEqual(expect.arrayContaining(['retry-after', 'x-request-id', 'idempotent-replayed']))
  })

  it('puts the CORS headers on errors too, so a page sees a 401 rather than a network failure', async () => {
    const response = await fetch(`${server.url}/api/v1/approvals`, { headers: { origin: PAGE } })
    expect(response.status).toBe(401)
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
  })

  it('puts them on injected faults, and still drops the connection for a reset', async () => {
    server.mock.faults.configure({ rules: [{ kinds: ['rate_limit'], rate: 1 }] })
    try {
      const limited = await fetch(`${server.url}/api/v1/approvals`, {
        headers: { origin: PAGE, 'x-api-key': server.mock.store.defaults.apiKey },
      })
      expect(limited.status).toBe(429)
      expect(limited.headers.get('access-control-allow-origin')).toBe('*')
      expect(limited.headers.get('retry-after')).toBe('1')

      server.mock.faults.configure({ rules: [{ kinds: ['reset'], rate: 1 }] })
      await expect(fetch(`${server.url}/api/v1/approvals`, { headers: { origin: PAGE } })).rejects.toThrow(TypeError)
    } finally {
      server.mock.faults.configure({ rules: [] })
    }
  })
})
