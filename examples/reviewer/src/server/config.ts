// The Vite setup of the reviewer page. The proxy is where the API key lives: the browser calls
// its own origin, and the dev server forwards `/api/v1/*` to the API with `X-API-Key` added.
import { fileURLToPath } from 'node:url'
import type { InlineConfig } from 'vite'
import { isReviewerCall } from './allowed.ts'

/** Where the proxy sends requests, and the key it adds to each. */
export interface ApiTarget {
  /** The API's address, such as the mock's `http://127.0.0.1:54321`. */
  url: string
  /** The API key; it stays in this process. */
  apiKey: string
}

/** The page's folder: `index.html` lives there. */
export const root = fileURLToPath(new URL('../..', import.meta.url))

/**
 * A Vite config serving the page, with the proxy to `target`. `port: 0` picks a free port; a
 * busy port moves Vite to the next one.
 */
export function reviewerConfig(target: ApiTarget, options: { port?: number } = {}): InlineConfig {
  return {
    root,
    configFile: false,
    logLevel: 'warn',
    server: {
      // Loopback only: whoever reaches this server can decide approvals with its key.
      host: '127.0.0.1',
      port: options.port ?? 5173,
      proxy: {
        '/api/v1': {
          target: target.url,
          changeOrigin: true,
          // Lower case, as Node gives incoming headers: it replaces any key a browser sent rather
          // than travelling beside it, so only the server's key reaches the API.
          headers: { 'x-api-key': target.apiKey },
          // Anything else is answered 404 here and never reaches the API.
          bypass: (request) => (isReviewerCall(request.method, request.url) ? undefined : false),
        },
      },
    },
  }
}
