/**
 * `@signoff/mock/node`: the mock served over real HTTP on 127.0.0.1, with KSUID ids, for
 * examples, the CLI, other languages and end-to-end tests. It does not load msw.
 *
 * @packageDocumentation
 */
import { serve, type Http2Bindings, type HttpBindings, type ServerType } from '@hono/node-server'
import KSUID from 'ksuid'
import { createMockApiCore, transportOf, type MockApiCore, type MockOptions } from './create-mock-api.js'
import { answerOpenApiRequest } from './openapi-document.js'

export * from './public.js'

/** Options of {@link startMockServer}. */
export interface MockServerOptions extends MockOptions {
  /** The port; `0` picks a free one. @defaultValue `0` */
  port?: number | undefined
  /** The address to listen on. @defaultValue `'127.0.0.1'` */
  hostname?: string | undefined
  /**
   * Whether to serve the contract's OpenAPI document at `/openapi.json`, with `servers`
   * pointing at this server. @defaultValue `true`
   */
  openapi?: boolean | undefined
}

/** A running mock server. */
export interface MockServer {
  /** Its address, such as `http://127.0.0.1:54321` (no trailing slash): use it as `baseUrl`. */
  readonly url: string
  /** The mock behind it: its store, webhooks and request log. */
  readonly mock: MockApiCore
  /** Stops listening and closes open connections. */
  close(): Promise<void>
}

/**
 * Starts the mock on a real HTTP port. It leaves the process's globals alone (`Request`,
 * `Response` stay Node's own).
 *
 * @example
 * ```ts
 * const server = await startMockServer()
 * const client = new Signoff({ apiKey: server.mock.store.defaults.apiKey, baseUrl: server.url })
 * // …
 * await server.close()
 * ```
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const mock = createMockApiCore({ generateId: () => KSUID.randomSync().string, ...options })
  const answer = transportOf(mock)
  const hostname = options.hostname ?? '127.0.0.1'
  const serveDocument = options.openapi ?? true
  // A dropped connection is a real one: the socket dies with no answer, as when a proxy or
  // the network fails.
  const fetch = (request: Request, env: HttpBindings | Http2Bindings) =>
    (serveDocument ? answerOpenApiRequest(request) : undefined) ??
    answer(request, { dropConnection: () => env.incoming.socket.destroy() })
  const server = await new Promise<ServerType>((resolve) => {
    const started: ServerType = serve({ fetch, port: options.port ?? 0, hostname, overrideGlobalObjects: false }, () => resolve(started))
  })
  const address = server.address()
  const port = typeof address === 'object' && address !== null ? address.port : options.port
  return {
    url: `http://${hostname}:${port}`,
    mock,
    close: () =>
      new Promise<void>((resolve, reject) => {
        if ('closeAllConnections' in server) server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}
