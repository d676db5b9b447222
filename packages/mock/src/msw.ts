/**
 * `@signoff/mock/msw`: MSW handlers for a mock, for code that creates the mock without MSW
 * (`createMockApiCore`, or the server from `@signoff/mock/node`). This is the only entry
 * besides `@signoff/mock` that loads msw.
 *
 * @packageDocumentation
 */
import { http, type HttpHandler } from 'msw'
import { DEFAULT_MOCK_BASE_URL, type MockApiCore } from './create-mock-api.js'

export * from './public.js'

/**
 * MSW handlers that send every request under `${baseUrl}/api/v1/` to the mock. A dropped
 * connection reaches the caller as a network error.
 *
 * @example
 * ```ts
 * const server = setupServer(...mockHandlers(mock, 'https://api.promptrails.ai'))
 * ```
 */
export function mockHandlers(mock: MockApiCore, baseUrl: string = DEFAULT_MOCK_BASE_URL): HttpHandler[] {
  return [http.all(`${baseUrl.replace(/\/+$/, '')}/api/v1/*`, ({ request }) => mock.fetch(request))]
}
