import { createMiddleware } from 'hono/factory'
import type { MockEnv } from '../http/env.js'
import type { FaultInjector } from './injector.js'
import { isAfterStateChange, type AfterStateChangeFault, type FaultKind } from './kinds.js'

/** Waits `ms`. */
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const injected = { 'x-signoff-mock-fault': 'injected' }

/**
 * Injects the configured faults. A dropped connection is asked of the transport
 * (`c.env.dropConnection()`), which knows how to drop one; the placeholder answer returned
 * here never reaches the caller.
 */
export function faults(injector: FaultInjector) {
  return createMiddleware<MockEnv>(async (c, next) => {
    const kind = injector.draw(c.req.method, c.req.path)
    if (kind === undefined) return next()
    if (kind === 'slow') {
      await pause(injector.slowMs)
      return next()
    }
    if (!isAfterStateChange(kind)) {
      if (kind !== 'reset') return refuse(kind)
      c.env.dropConnection()
      return c.body(null, 502)
    }
    await next()
    if (kind === 'lost_response') c.env.dropConnection()
    else c.res = await spoil(kind, c.res)
  })
}

function refuse(kind: Exclude<FaultKind, AfterStateChangeFault | 'slow' | 'reset'>): Response {
  const json = (status: number, headers: Record<string, string> = {}) =>
    Response.json({ error: { code: 'injected_fault', message: `injected ${kind}` } }, { status, headers: { ...injected, ...headers } })
  switch (kind) {
    case 'server_error':
      return json(500)
    case 'unavailable':
      return json(503)
    case 'rate_limit':
      return json(429, { 'retry-after': '1' })
    case 'rate_limit_date':
      return json(429, { 'retry-after': new Date(Date.now() + 1_000).toUTCString() })
    case 'bad_gateway':
      return new Response('<html><body><h1>502 Bad Gateway</h1></body></html>', {
        status: 502,
        headers: { ...injected, 'content-type': 'text/html' },
      })
  }
}

async function spoil(kind: Exclude<AfterStateChangeFault, 'lost_response'>, response: Response): Promise<Response> {
  const text = await response.text()
  const body = kind === 'truncated' ? text.slice(0, Math.floor(text.length / 2)) : 'OK'
  const type = kind === 'truncated' ? (response.headers.get('content-type') ?? 'application/json') : 'text/plain'
  return new Response(body, { status: response.status, headers: { ...injected, 'content-type': type } })
}
