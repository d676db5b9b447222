import type { MiddlewareHandler } from 'hono'

interface Remembered {
  /** The request body the key was first used with. */
  body: string
  /** The first answer, replayed for every repeat; undefined while the first is in flight. */
  response: { status: number; headers: [string, string][]; body: string } | undefined
}

/**
 * Stripe-style idempotency for POSTs: the first request with an `Idempotency-Key` is handled
 * and its answer remembered; a repeat with the same key and body gets the same answer without
 * acting again; the same key with a different body is refused (422); a repeat while the first
 * is still in flight is a 409. Keys are scoped to the API key that sent them.
 */
export function idempotency(): MiddlewareHandler {
  const remembered = new Map<string, Remembered>()
  return async (c, next) => {
    const key = c.req.header('idempotency-key')
    if (c.req.method !== 'POST' || key === undefined) return next()
    const scope = `${c.req.header('x-api-key') ?? ''}\u0000${key}`
    const body = await c.req.raw.clone().text()
    const previous = remembered.get(scope)
    if (previous !== undefined) {
      if (previous.body !== body) {
        return c.json({ error: { code: 'idempotency_key_reused', message: 'this Idempotency-Key was used with a different body' } }, 422)
      }
      if (previous.response === undefined) {
        return c.json({ error: { code: 'request_in_progress', message: 'a request with this Idempotency-Key is still in progress' } }, 409)
      }
      const { status, headers, body: answer } = previous.response
      return new Response(answer, { status, headers: [...headers, ['idempotent-replayed', 'true']] })
    }
    const entry: Remembered = { body, response: undefined }
    remembered.set(scope, entry)
    await next()
    // Only answers that acted are worth replaying; a rejected request may be retried afresh.
    if (c.res.status >= 500 || c.res.status === 401 || c.res.status === 429) {
      remembered.delete(scope)
      return
    }
    const answer = await c.res.clone().text()
    entry.response = { status: c.res.status, headers: [...c.res.headers], body: answer }
  }
}
