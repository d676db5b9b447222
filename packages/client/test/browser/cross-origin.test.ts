import { describe, expect, inject, it } from 'vitest'
import { AuthenticationError, Signoff } from '../../src/index.js'

// The mock's real HTTP server (started in Node by mock-server.setup.ts) is on another origin
// than this page: every call below is a real cross-origin request, preflight included.
const { url, apiKey } = inject('mockServer')

describe('the client in a page, against the mock on another origin', () => {
  it('sends its headers past the preflight and reads the answer', async () => {
    expect(new URL(url).origin).not.toBe(location.origin)
    const client = new Signoff({ apiKey, baseUrl: url, maxRetries: 0, dangerouslyAllowBrowser: true })
    const page = await client.approvals.list({ status: 'pending' })
    expect(page.data).toEqual([])
    expect(page.meta).toMatchObject({ page: 1 })
  })

  it('reads an error\'s status, not a bare network failure', async () => {
    const client = new Signoff({ baseUrl: url, maxRetries: 0 })
    const error = await client.approvals.list().catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(AuthenticationError)
    expect((error as AuthenticationError).status).toBe(401)
  })
})
