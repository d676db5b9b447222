import { DECISIONS, type Decision } from '@signoff/schemas'
import type { Hono } from 'hono'
import { authenticate, fail, isFailure, notFound, readJsonObject, type RouteContext } from '../http/context.js'
import { ALREADY_DECIDED } from '../http/dialect.js'
import { paginate, readPageRequest } from '../http/pagination.js'
import { approvalWire, newestFirst } from '../http/wire.js'

/** GET /approvals, GET /approvals/:id, POST /approvals/:id/decide. */
export function approvalRoutes(app: Hono, route: RouteContext): void {
  const { state } = route

  app.get('/approvals', (c) => {
    const key = authenticate(c, route, 'approvals:read')
    if (isFailure(key)) return fail(c, route, key)
    state.expireDue()
    const query = new URL(c.req.url).searchParams
    const page = readPageRequest(query, route.quirks)
    if (isFailure(page)) return fail(c, route, page)
    const filters = ['status', 'agent_id', 'checkpoint_name', 'execution_id'] as const
    const approvals = [...state.approvals.values()]
      .filter((approval) => approval.workspace_id === key.workspace_id)
      .filter((approval) => filters.every((field) => query.get(field) === null || approval[field] === query.get(field)))
      .sort(newestFirst)
    return c.json(paginate(approvals, page, route.quirks, approvalWire))
  })

  const findApproval = (id: string, workspaceId: string) => {
    const approval = state.approvals.get(id)
    return approval?.workspace_id === workspaceId ? approval : undefined
  }

  app.get('/approvals/:id', (c) => {
    const key = authenticate(c, route, 'approvals:read')
    if (isFailure(key)) return fail(c, route, key)
    state.expireDue()
    const approval = findApproval(c.req.param('id'), key.workspace_id)
    return approval ? c.json({ data: approvalWire(approval) }) : fail(c, route, notFound('approval'))
  })

  app.post('/approvals/:id/decide', async (c) => {
    const key = authenticate(c, route, 'approvals:write')
    if (isFailure(key)) return fail(c, route, key)
    const approval = findApproval(c.req.param('id'), key.workspace_id)
    if (approval === undefined) return fail(c, route, notFound('approval'))
    const body = await readJsonObject(c)
    if (isFailure(body)) return fail(c, route, body)
    const { decision, reason } = body
    if (!(DECISIONS as readonly unknown[]).includes(decision)) {
      return fail(c, route, { status: 400, code: 'validation_error', message: 'decision must be "approved" or "rejected"' })
    }
    if (reason !== undefined && reason !== null && typeof reason !== 'string') {
      return fail(c, route, { status: 400, code: 'validation_error', message: 'reason must be a string' })
    }
    const outcome = state.decide(approval, decision as Decision, key.user_id, reason ?? undefined)
    if (outcome.ok) return c.json({ data: approvalWire(outcome.approval) })
    // A second decision: the emulator answers 400, the REST norm is 409.
    const status = route.quirks === 'emulator' ? 400 : 409
    return fail(c, route, { status, code: 'conflict', message: ALREADY_DECIDED })
  })
}
