import { findExecution, listExecutions, pendingApprovalOf } from '../domain/query.js'
import { approvalWire, executionWire } from '../domain/wire.js'
import { MockFailure, found } from '../http/failure.js'
import { listBody, pageWindow, readFilters, readPageRequest } from '../http/pagination.js'
import { guard, type RouteContext } from './context.js'

/** GET /executions, GET /executions/:id, GET /executions/:id/pending-approval. */
export function executionRoutes(route: RouteContext): void {
  const { app, state, dialect } = route
  const executionOf = (id: string, workspaceId: string) => found(findExecution(state, id, workspaceId), 'execution')

  app.get('/api/v1/executions', guard(route, 'GET', '/api/v1/executions', 'executions:read'), (c) => {
    const query = new URL(c.req.url).searchParams
    const page = readPageRequest(query, dialect)
    const filter = readFilters(query, ['agent_id', 'session_id', 'status'])
    return c.json(listBody(listExecutions(state, c.var.apiKey.workspace_id, filter, pageWindow(page)), page, dialect, executionWire))
  })

  app.get('/api/v1/executions/:id', guard(route, 'GET', '/api/v1/executions/:id', 'executions:read'), (c) => {
    return c.json({ data: executionWire(executionOf(c.req.param('id'), c.var.apiKey.workspace_id)) })
  })

  const pendingPath = '/api/v1/executions/:id/pending-approval'
  app.get(pendingPath, guard(route, 'GET', pendingPath, 'executions:read'), (c) => {
    const approval = pendingApprovalOf(state, executionOf(c.req.param('id'), c.var.apiKey.workspace_id))
    // The emulator's words for an execution with nothing to decide.
    if (approval === undefined) throw new MockFailure(404, 'not_found', 'no pending approval for this execution')
    return c.json({ data: approvalWire(approval) })
  })
}
