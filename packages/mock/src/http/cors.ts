import { Hono } from 'hono'
import { cors } from 'hono/cors'

/**
 * What a browser page on another origin may do with the mock: send the headers the client
 * sends, and read the headers the client reads. There are no cookies (the key travels in
 * `X-API-Key`), so every origin may call.
 */
export const CORS_POLICY: NonNullable<Parameters<typeof cors>[0]> = {
  origin: '*',
  allowMethods: ['GET', 'POST'],
  allowHeaders: ['Content-Type', 'X-API-Key', 'X-Workspace-ID', 'Idempotency-Key'],
  exposeHeaders: ['Retry-After', 'X-Request-ID', 'Idempotent-Replayed', 'X-Signoff-Mock-Fault'],
  maxAge: 600,
}

/**
 * Puts CORS in front of the mock: preflights are answered here (never logged, never given a
 * fault), and every answer carries `Access-Control-Allow-Origin`. A dropped connection
 * (`Response.error()`) passes through untouched: it has no headers, and the transports turn
 * it into a network failure.
 */
export function withCors(handle: (request: Request) => Promise<Response>): (request: Request) => Promise<Response> {
  const dropped = new WeakMap<Request, Response>()
  const edge = new Hono()
  edge.use(cors(CORS_POLICY))
  edge.all('*', async (c) => {
    const response = await handle(c.req.raw)
    if (response.type !== 'error') return response
    // Hono would copy the response to add headers, and an error response cannot be copied.
    dropped.set(c.req.raw, response)
    return c.body(null, 502)
  })
  return async (request) => {
    const response = await edge.fetch(request)
    return dropped.get(request) ?? response
  }
}
