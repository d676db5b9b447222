/**
 * `@signoff/mock`: a stateful mock of the PromptRails approvals API, for tests, examples and
 * demos. This entry runs anywhere (MSW in Node or the browser, in-process `fetch`) and loads
 * msw; the real HTTP server is in `@signoff/mock/node`, which does not.
 *
 * @packageDocumentation
 */
import { createMockApiCore, type MockApiCore, type MockOptions } from './create-mock-api.js'
import { mockHandlers } from './msw.js'
import type { HttpHandler } from 'msw'

export * from './public.js'
export { mockHandlers } from './msw.js'

/** A mock PromptRails API with MSW handlers: what {@link createMockApi} returns. */
export interface MockApi extends MockApiCore {
  /** MSW handlers that send every request under `${baseUrl}/api/v1/` to this mock. */
  handlers(baseUrl?: string): HttpHandler[]
}

/**
 * Creates a mock PromptRails approvals API with its state in memory. It starts with a default
 * workspace and an all-scopes key (`store.defaults`).
 *
 * @example
 * ```ts
 * const mock = createMockApi()
 * const server = setupServer(...mock.handlers())
 * const agent = mock.store.createAgent({ name: 'Replies', config: { approval_required: true, checkpoint_name: 'review' } })
 * ```
 */
export function createMockApi(options: MockOptions = {}): MockApi {
  const mock = createMockApiCore(options)
  return Object.assign(mock, { handlers: (baseUrl?: string) => mockHandlers(mock, baseUrl) })
}
