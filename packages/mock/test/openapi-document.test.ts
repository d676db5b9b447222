import { readFileSync } from 'node:fs'
import { afterEach, expect, it } from 'vitest'
import { startMockServer, type MockServer } from '../src/node.js'

const published = JSON.parse(readFileSync(new URL('../../schemas/openapi.json', import.meta.url), 'utf8')) as Record<string, unknown>
let server: MockServer | undefined

afterEach(async () => {
  await server?.close()
  server = undefined
})

it('serves the published OpenAPI document at /openapi.json, its servers pointing at itself', async () => {
  server = await startMockServer()
  const response = await fetch(`${server.url}/openapi.json`)
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toMatch(/^application\/json/)
  const document = (await response.json()) as Record<string, unknown>
  expect(document.servers).toEqual([{ url: `${server.url}/api/v1`, description: 'This mock' }])
  expect({ ...document, servers: published.servers }).toEqual(published)
  // The document's server really is this mock: a documented path answers there.
  const list = await fetch(`${server.url}/api/v1/approvals`, { headers: { 'x-api-key': server.mock.store.defaults.apiKey } })
  expect(list.status).toBe(200)
})

it('serves no document when told not to', async () => {
  server = await startMockServer({ openapi: false })
  const response = await fetch(`${server.url}/openapi.json`)
  expect(response.status).toBe(404)
})
