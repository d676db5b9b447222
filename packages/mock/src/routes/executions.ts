import type { Hono } from 'hono'
import { authenticate, fail, isFailure, notFound, type RouteContext } from '../http/context.js'
import { paginate, readPageRequest } from '../http/pagination.js'
import { approvalWire, executionWire } from '../http/wire.js'

/** GET /executions, GET /executions/:id, GET /executions/:id/pending-approval. */
export function executionRoutes(app: Hono, route: RouteContext): void {
  const { state } = route

  app.get('/executions', (c) => {
    const key = authenticate(c, route, 'executions:read')
    if (isFailure(key)) return fail(c, route, key)
    state.expireDue()
    const query = new URL(c.req.url).searchParams
    const page = readPageRequest(query, route.quirks)
    if (isFailure(page)) return fail(c, route, page)
    const filters = ['agent_id', 'session_id', 'status'] as const
    const executions = [...state.executions.values()]
      .filter((execution) => execution.workspace_id === key.workspace_id)
      .filter((execution) => filters.every((field) => query.get(field) === null || execution[field] === query.get(field)))
      .reverse()
    return c.json(paginate(executions, page, route.quirks, executionWire))
  })

  app.get('/executions/:id', (c) => {
    const key = authenticate(c, route, 'executions:read')
    if (isFailure(key)) return fail(c, route, key)
    state.expireDue()
    const execution = state.executions.get(c.req.param('id'))
    if (execution?.workspace_id !== key.workspace_id) return fail(c, route, notFound('execution'))
    return c.json({ data: executionWire(execution) })
  })

  app.get('/executions/:id/pending-approval', (c) => {
    const key = authenticate(c, route, 'executions:read')
    if (isFailure(key)) return fail(c, route, key)
    state.expireDue()
    const execution = state.executions.get(c.req.param('id'))
    if (execution?.workspace_id !== key.workspace_id) return fail(c, route, notFound('execution'))
    const approval = [...state.approvals.values()].find(
      (candidate) => candidate.execution_id === execution.id && candidate.status === 'pending',
    )
    return approval ? c.json({ data: approvalWire(approval) }) : fail(c, route, notFound('pending approval'))
  })
}
