import { startMockServer } from '@signoff/mock/node'
import type { TestProject } from 'vitest/node'

/** What the browser tests learn about the mock server that Node started for them. */
export interface MockServerInfo {
  url: string
  apiKey: string
}

declare module 'vitest' {
  export interface ProvidedContext {
    mockServer: MockServerInfo
  }
}

/**
 * Starts the mock's real HTTP server in Node for the browser project: a page on another
 * origin reaches it only if the mock answers CORS correctly.
 */
export default async function setup(project: TestProject) {
  const server = await startMockServer()
  project.provide('mockServer', { url: server.url, apiKey: server.mock.store.defaults.apiKey })
  return () => server.close()
}
