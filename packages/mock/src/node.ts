/**
 * `@signoff/mock/node`: the mock served over real HTTP on 127.0.0.1, with KSUID ids, for
 * examples, the CLI, other languages and end-to-end tests.
 *
 * @packageDocumentation
 */
import { serve, type Http2Bindings, type HttpBindings, type ServerType } from '@hono/node-server'
import KSUID from 'ksuid'
import { createMockApi, type MockApi, type MockOptions } from './create-mock-api.js'
import { answerOpenApiRequest } from './openapi-document.js'

export * from './index.js'

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
  /** The mock behind it: its store and request log. */
  readonly mock: MockApi
  /** Stops listening and closes open connections. */
  close(): Promise<void>
}

/**
 * Starts the mock on a real HTTP port.
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
  const mock = createMockApi({ generateId: () => KSUID.randomSync().string, ...options })
  const hostname = options.hostname ?? '127.0.0.1'
  const serveDocument = options.openapi ?? true
  // An injected dropped connection (`Response.error()`) becomes a real one: the socket dies
  // with no answer, as when a proxy or the network fails.
  const answer = async (request: Request, env: HttpBindings | Http2Bindings) => {
    const document = serveDocument ? answerOpenApiRequest(request) : undefined
    if (document !== undefined) return document
    const response = await mock.fetch(request)
    if (response.type !== 'error') return response
    env.incoming.socket.destroy()
    return new Response(null, { status: 500 })
  }
  const server = await new Promise<ServerType>((resolve) => {
    const started: ServerType = serve({ fetch: answer, port: options.port ?? 0, hostname }, () => resolve(started))
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
