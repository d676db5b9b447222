import { Hono } from 'hono'
import { cors } from 'hono/cors'
import { HTTPException } from 'hono/http-exception'
import type { MockState } from './domain/state.js'
import { faults } from './faults/middleware.js'
import type { FaultInjector } from './faults/injector.js'
import { CORS_POLICY } from './http/cors.js'
import type { Dialect } from './http/dialect.js'
import type { MockEnv } from './http/env.js'
import { INVALID_BODY, MockFailure, invalid } from './http/failure.js'
import { idempotency } from './http/idempotency.js'
import { errorBody, type ErrorBodyShape } from './http/render.js'
import type { RequestLog } from './http/request-log.js'
import { RouteTable } from './http/route-table.js'
import { agentRoutes } from './routes/agents.js'
import { approvalRoutes } from './routes/approvals.js'
import { executionRoutes } from './routes/executions.js'

/** What the app is built from. */
export interface AppParts {
  state: MockState
  dialect: Dialect
  errorBodies: ErrorBodyShape
  log: RequestLog
  injector: FaultInjector
  maxBodyBytes: number
}

/**
 * The PromptRails API over the state, as one Hono pipeline that every transport serves:
 * CORS (preflights end here: never logged, never faulted) → faults → the request log → per
 * route: authenticate → body limit → idempotency → body validation → the route. Failures
 * are thrown anywhere and rendered once, in `onError`, in the dialect's shape.
 */
export function createApp(parts: AppParts): Hono<MockEnv> {
  const { state, dialect, log } = parts
  const app = new Hono<MockEnv>()
  app.use(cors(CORS_POLICY))
  app.use(faults(parts.injector))
  app.use(async (c, next) => {
    await next()
    const url = new URL(c.req.url)
    log.add({ method: c.req.method, path: `${url.pathname}${url.search}`, status: c.res.status })
  })

  const table = new RouteTable()
  const route = { app, state, dialect, table, idempotency: idempotency(dialect), maxBodyBytes: parts.maxBodyBytes }
  agentRoutes(route)
  executionRoutes(route)
  approvalRoutes(route)

  // Framework-style pages, in the bare `{ "message" }` shape: 405 for a known path asked with
  // another method, 404 for everything else.
  app.notFound((c) => {
    const methods = table.methodsAt(c.req.path)
    if (methods.length === 0) return c.json({ message: 'Not Found' }, 404)
    return c.json({ message: 'Method Not Allowed' }, 405, { allow: methods.join(', ') })
  })
  app.onError((error, c) => {
    const failure = error instanceof MockFailure ? error : fromFramework(error, dialect)
    if (failure !== undefined) return c.json(errorBody(dialect, parts.errorBodies, failure), failure.status)
    return c.json({ message: `Internal Server Error: ${error.message}` }, 500)
  })
  return app
}

// Hono's own 400 (a body that is not JSON) becomes the mock's failure; the rest stay 500s.
function fromFramework(error: Error, dialect: Dialect): MockFailure | undefined {
  if (!(error instanceof HTTPException) || error.status !== 400) return undefined
  return invalid(dialect.emulatorErrors ? INVALID_BODY : 'the body must be valid JSON')
}
