import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMockApi } from '../src/index.js'

const mock = createMockApi()
const server = setupServer(...mock.handlers(), ...mock.handlers('https://staging.example.test/'))

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }))
afterAll(() => server.close())

describe('MSW handlers', () => {
  it('send requests under the base URL to the mock, through the global fetch', async () => {
    const agent = mock.store.createAgent({ name: 'Gated', config: { approval_required: true } })
    const response = await fetch(`https://api.promptrails.ai/api/v1/agents/${agent.id}/execute`, {
      method: 'POST',
      headers: { 'x-api-key': mock.store.defaults.apiKey, 'content-type': 'application/json' },
      body: JSON.stringify({ input: { message: 'through msw' } }),
    })
    expect(response.status).toBe(201)
    expect(mock.store.listApprovals({ agent_id: agent.id })).toHaveLength(1)
    expect(mock.requests.at(-1)).toEqual({ method: 'POST', path: `/api/v1/agents/${agent.id}/execute`, status: 201 })
  })

  it('serve any base URL they are given, with or without a trailing slash', async () => {
    const response = await fetch('https://staging.example.test/api/v1/approvals?status=pending', {
      headers: { 'x-api-key': mock.store.defaults.apiKey },
    })
    expect(response.status).toBe(200)
    expect(mock.requests.at(-1)?.path).toBe('/api/v1/approvals?status=pending')
  })
})
