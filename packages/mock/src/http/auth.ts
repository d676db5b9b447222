import { createMiddleware } from 'hono/factory'
import type { Scope } from '../domain/records.js'
import type { MockState } from '../domain/state.js'
import type { MockEnv } from './env.js'
import { MockFailure } from './failure.js'

/**
 * Checks the `X-API-Key` (401 when missing or unknown), an optional `X-Workspace-ID` (403 when
 * it is not the key's workspace) and the route's scope (403), then sets `c.var.apiKey`. It runs
 * before anything reads the body, so an unauthenticated caller cannot make the mock buffer one.
 */
export function authenticate(state: MockState, scope: Scope) {
  return createMiddleware<MockEnv>(async (c, next) => {
    const key = c.req.header('x-api-key')
    const record = key === undefined ? undefined : state.apiKeys.get(key)
    if (record === undefined) throw new MockFailure(401, 'unauthorized', 'missing or invalid API key')
    const workspace = c.req.header('x-workspace-id')
    if (workspace !== undefined && workspace !== record.workspace_id) {
      throw new MockFailure(403, 'forbidden', 'the API key does not belong to this workspace')
    }
    if (!record.scopes.includes(scope)) throw new MockFailure(403, 'forbidden', `the API key lacks the ${scope} scope`)
    c.set('apiKey', record)
    await next()
  })
}
