import type { FaultInjector } from './injector.js'
import { isAfterStateChange, type AfterStateChangeFault, type FaultKind } from './kinds.js'

/** Waits `ms`. */
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const injected = { 'x-signoff-mock-fault': 'injected' }

/**
 * Wraps the mock's request handler with fault injection. A dropped connection is answered
 * with `Response.error()`: MSW turns it into a network error, and the Node server into a
 * destroyed socket.
 */
export function withFaults(handle: (request: Request) => Promise<Response>, injector: FaultInjector) {
  return async (request: Request): Promise<Response> => {
    const kind = injector.draw(request.method, new URL(request.url).pathname)
    if (kind === undefined) return handle(request)
    if (isAfterStateChange(kind)) return spoil(kind, await handle(request))
    if (kind === 'slow') {
      await pause(injector.slowMs)
      return handle(request)
    }
    return refuse(kind)
  }
}

function refuse(kind: Exclude<FaultKind, AfterStateChangeFault | 'slow'>): Response {
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
    case 'reset':
      return Response.error()
  }
}

async function spoil(kind: AfterStateChangeFault, response: Response): Promise<Response> {
  if (kind === 'lost_response') return Response.error()
  const text = await response.text()
  const body = kind === 'truncated' ? text.slice(0, Math.floor(text.length / 2)) : 'OK'
  const type = kind === 'truncated' ? (response.headers.get('content-type') ?? 'application/json') : 'text/plain'
  return new Response(body, { status: response.status, headers: { ...injected, 'content-type': type } })
}
