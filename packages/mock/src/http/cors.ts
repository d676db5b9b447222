import { cors } from 'hono/cors'

/**
 * What a browser page on another origin may do with the mock: send the headers the client
 * sends, and read the headers the client reads. There are no cookies (the key travels in
 * `X-API-Key`), so every origin may call.
 */
export const CORS_POLICY: NonNullable<Parameters<typeof cors>[0]> = {
  origin: '*',
  allowMethods: ['GET', 'POST', 'PUT'],
  allowHeaders: ['Accept', 'Content-Type', 'X-API-Key', 'X-Workspace-ID', 'Idempotency-Key'],
  exposeHeaders: ['Retry-After', 'X-Request-ID', 'Idempotent-Replayed', 'X-Signoff-Mock-Fault'],
  maxAge: 600,
}
