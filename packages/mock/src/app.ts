import { Hono } from 'hono'
import type { MockState } from './domain/state.js'
import type { Quirks } from './http/dialect.js'
import { idempotency } from './http/idempotency.js'
import { agentRoutes } from './routes/agents.js'
import { approvalRoutes } from './routes/approvals.js'
import { executionRoutes } from './routes/executions.js'

/** One request the mock answered, for tests to inspect. */
export interface LoggedRequest {
  method: string
  /** Path and query, without the origin. */
  path: string
  status: number
}

/** Builds the PromptRails API over the state: the one implementation every transport serves. */
export function createApp(state: MockState, quirks: Quirks, log: LoggedRequest[]): Hono {
  const app = new Hono()
  app.use(async (c, next) => {
    await next()
    const url = new URL(c.req.url)
    log.push({ method: c.req.method, path: `${url.pathname}${url.search}`, status: c.res.status })
  })
  const api = new Hono()
  api.use(idempotency())
  const route = { state, quirks }
  agentRoutes(api, route)
  executionRoutes(api, route)
  approvalRoutes(api, route)
  app.route('/api/v1', api)
  // Framework-style pages for everything else, in the bare `{ "message" }` shape.
  app.notFound((c) => c.json({ message: 'Not Found' }, 404))
  app.onError((error, c) => c.json({ message: `Internal Server Error: ${error.message}` }, 500))
  return app
}
