import { createMiddleware } from 'hono/factory'
import { findApproval, listApprovals } from '../domain/query.js'
import { approvalWire } from '../domain/wire.js'
import { jsonBody } from '../http/body.js'
import type { MockEnv } from '../http/env.js'
import { ALREADY_DECIDED, MockFailure, found } from '../http/failure.js'
import { listBody, pageWindow, readFilters, readPageRequest } from '../http/pagination.js'
import { DecideBodySchema, EmulatorDecideBodySchema, decideMessage } from './bodies.js'
import { guard, type RouteContext } from './context.js'

/** GET /approvals, GET /approvals/:id, POST /approvals/:id/decide. */
export function approvalRoutes(route: RouteContext): void {
  const { app, state, dialect } = route
  const approvalOf = (id: string, workspaceId: string) => found(findApproval(state, id, workspaceId), 'approval')
  // A second decision: the emulator answers 400, the REST norm is 409.
  const alreadyDecided = () => new MockFailure(dialect.conflictStatus, 'conflict', ALREADY_DECIDED)

  app.get('/api/v1/approvals', guard(route, 'GET', '/api/v1/approvals', 'approvals:read'), (c) => {
    const query = new URL(c.req.url).searchParams
    const page = readPageRequest(query, dialect)
    const filter = readFilters(query, ['status', 'agent_id', 'checkpoint_name', 'execution_id'])
    return c.json(listBody(listApprovals(state, c.var.apiKey.workspace_id, filter, pageWindow(page)), page, dialect, approvalWire))
  })

  app.get('/api/v1/approvals/:id', guard(route, 'GET', '/api/v1/approvals/:id', 'approvals:read'), (c) => {
    return c.json({ data: approvalWire(approvalOf(c.req.param('id'), c.var.apiKey.workspace_id)) })
  })

  // The emulator looks at the approval before it reads the body: a decided approval is
  // "already decided" whatever the body says.
  const emulatorOrder = createMiddleware<MockEnv>(async (c, next) => {
    if (dialect.emulatorErrors && approvalOf(c.req.param('id') ?? '', c.var.apiKey.workspace_id).status !== 'pending') throw alreadyDecided()
    await next()
  })

  app.post(
    '/api/v1/approvals/:id/decide',
    guard(route, 'POST', '/api/v1/approvals/:id/decide', 'approvals:write'),
    emulatorOrder,
    jsonBody(dialect, { schema: DecideBodySchema, emulator: { schema: EmulatorDecideBodySchema, message: decideMessage } }),
    (c) => {
      const approval = approvalOf(c.req.param('id'), c.var.apiKey.workspace_id)
      const { decision, reason } = c.req.valid('json')
      const outcome = state.decide(approval, decision, c.var.apiKey.user_id, reason)
      if (!outcome.ok) throw alreadyDecided()
      return c.json({ data: approvalWire(outcome.approval) })
    },
  )
}
