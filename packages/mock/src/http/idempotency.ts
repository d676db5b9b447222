import { createMiddleware } from 'hono/factory'
import type { Dialect } from './dialect.js'
import type { MockEnv } from './env.js'
import { MockFailure, invalid } from './failure.js'

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
 * is still in flight is a 409. A key is scoped to the API key, the method and the path: the
 * same key sent to another approval is a new request, never another resource's answer.
 *
 * It runs after `authenticate` and the body limit, so it only ever buffers bounded bodies of
 * known callers. The emulator dialect ignores the header, as the emulator does.
 */
export function idempotency(dialect: Dialect) {
  const remembered = new Map<string, Remembered>()
  return createMiddleware<MockEnv>(async (c, next) => {
    const key = c.req.header('idempotency-key')
    if (!dialect.idempotency || c.req.method !== 'POST' || key === undefined) return next()
    if (key.trim() === '') throw invalid('Idempotency-Key must not be empty: send a unique value per operation, or no header')
    const scope = [c.var.apiKey.key, c.req.method, c.req.path, key].join('\u0000')
    const body = await c.req.text()
    const previous = remembered.get(scope)
    if (previous !== undefined) {
      if (previous.body !== body) throw new MockFailure(422, 'idempotency_key_reused', 'this Idempotency-Key was used with a different body')
      if (previous.response === undefined) {
        throw new MockFailure(409, 'request_in_progress', 'a request with this Idempotency-Key is still in progress')
      }
      const { status, headers, body: answer } = previous.response
      return new Response(answer, { status, headers: [...headers, ['idempotent-replayed', 'true']] })
    }
    const entry: Remembered = { body, response: undefined }
    remembered.set(scope, entry)
    await next()
    // Only answers that acted (or refused for good) are worth replaying; a 5xx or 429 may be
    // retried afresh. A thrown failure is already rendered into `c.res` here.
    if (c.res.status >= 500 || c.res.status === 429) {
      remembered.delete(scope)
      return
    }
    entry.response = { status: c.res.status, headers: [...c.res.headers], body: await c.res.clone().text() }
  })
}
