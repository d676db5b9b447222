import type { RequestHandler } from 'msw'
import { setupServer } from 'msw/node'

/**
 * What the contract tests need from MSW, the same in Node and in a browser. The browser
 * project swaps this file for `network.browser.ts` (see vitest.config.ts).
 */
export interface TestNetwork {
  /** Starts intercepting; a request to the API that no handler answers fails the test. */
  start(): Promise<void>
  /** Adds handlers in front of the current ones, for one test. */
  use(...handlers: RequestHandler[]): void
  /** Replaces every handler (none: nothing is answered). */
  resetHandlers(...handlers: RequestHandler[]): void
  /** Calls `listener` with every request that reaches the network layer. */
  onRequest(listener: (request: Request) => void): void
  /** Removes the `onRequest` listeners. */
  clearListeners(): void
}

const server = setupServer()

/** The network in Node: msw/node's `setupServer`, which patches the global `fetch`. */
export const network: TestNetwork = {
  async start() {
    server.listen({ onUnhandledFrame: 'error' })
  },
  use: (...handlers) => server.use(...handlers),
  resetHandlers: (...handlers) => server.resetHandlers(...handlers),
  onRequest(listener) {
    server.events.on('request:start', ({ request }) => listener(request))
  },
  clearListeners: () => server.events.removeAllListeners(),
}
