import { setupWorker } from 'msw/browser'
import type { TestNetwork } from './network.js'

const worker = setupWorker()

/** The URL of an HTTP frame, or undefined for other kinds (WebSocket). */
function requestUrl(data: unknown): string | undefined {
  const request = (data as { request?: unknown } | undefined)?.request
  return request instanceof Request ? request.url : undefined
}

/**
 * The network in Chromium: MSW's service worker answers the page's `fetch`. The test
 * runner loads its modules from the page's own origin, which passes untouched; a request to
 * any other origin that no handler answers fails, as `onUnhandledFrame: 'error'` does in Node.
 */
export const network: TestNetwork = {
  async start() {
    await worker.start({
      quiet: true,
      onUnhandledFrame({ frame, defaults }) {
        const url = requestUrl(frame.data)
        if (url === undefined || new URL(url).origin !== location.origin) defaults.error()
      },
    })
  },
  use: (...handlers) => worker.use(...handlers),
  resetHandlers: (...handlers) => worker.resetHandlers(...handlers),
  onRequest(listener) {
    worker.events.on('request:start', ({ request }) => listener(request))
  },
  clearListeners: () => worker.events.removeAllListeners(),
}
