import type { Hono, MiddlewareHandler } from 'hono'
import { every } from 'hono/combine'
import type { Scope } from '../domain/records.js'
import type { MockState } from '../domain/state.js'
import { authenticate } from '../http/auth.js'
import { limitBody } from '../http/body.js'
import type { Dialect } from '../http/dialect.js'
import type { MockEnv } from '../http/env.js'
import type { RouteTable } from '../http/route-table.js'

/** What every route module needs: the state, the dialect, and the shared request stages. */
export interface RouteContext {
  app: Hono<MockEnv>
  state: MockState
  dialect: Dialect
  table: RouteTable
  /** The shared idempotency stage (one memory of keys for the whole API). */
  idempotency: MiddlewareHandler<MockEnv>
  maxBodyBytes: number
}

/**
 * The stages in front of a route, in order: authenticate (and check the scope), then, for a
 * request with a body, bound the body and apply idempotency. Nothing reads a body before the
 * caller is known.
 */
export function guard(route: RouteContext, method: 'GET' | 'POST' | 'PUT', path: string, scope: Scope): MiddlewareHandler<MockEnv> {
  route.table.add(method, path)
  const auth = authenticate(route.state, scope)
  return method === 'GET' ? auth : every(auth, limitBody(route.maxBodyBytes), route.idempotency)
}
