import { CreateVersionParamsSchema, ExecuteParamsSchema, describeIssues } from '@signoff/schemas'
import type { Hono } from 'hono'
import { authenticate, fail, isFailure, notFound, readJsonObject, type RouteContext } from '../http/context.js'
import { paginate, readPageRequest } from '../http/pagination.js'
import { agentWire, executionWire, versionWire } from '../http/wire.js'

/** GET /agents, GET /agents/:id, POST /agents/:id/versions, POST /agents/:id/execute. */
export function agentRoutes(app: Hono, route: RouteContext): void {
  const { state } = route

  app.get('/agents', (c) => {
    const key = authenticate(c, route, 'agents:read')
    if (isFailure(key)) return fail(c, route, key)
    const query = new URL(c.req.url).searchParams
    const page = readPageRequest(query, route.quirks)
    if (isFailure(page)) return fail(c, route, page)
    const type = query.get('type')
    const name = query.get('name')?.toLowerCase()
    const agents = [...state.agents.values()].filter(
      (agent) =>
        agent.workspace_id === key.workspace_id &&
        (type === null || agent.type === type) &&
        (name === undefined || agent.name.toLowerCase().includes(name)),
    )
    return c.json(paginate(agents, page, route.quirks, (agent) => agentWire(state, agent)))
  })

  const findAgent = (id: string, workspaceId: string) => {
    const agent = state.agents.get(id)
    return agent?.workspace_id === workspaceId ? agent : undefined
  }

  app.get('/agents/:id', (c) => {
    const key = authenticate(c, route, 'agents:read')
    if (isFailure(key)) return fail(c, route, key)
    const agent = findAgent(c.req.param('id'), key.workspace_id)
    return agent ? c.json({ data: agentWire(state, agent) }) : fail(c, route, notFound('agent'))
  })

  app.post('/agents/:id/versions', async (c) => {
    const key = authenticate(c, route, 'agents:write')
    if (isFailure(key)) return fail(c, route, key)
    const agent = findAgent(c.req.param('id'), key.workspace_id)
    if (agent === undefined) return fail(c, route, notFound('agent'))
    const body = await readJsonObject(c)
    if (isFailure(body)) return fail(c, route, body)
    const parsed = CreateVersionParamsSchema.safeParse({ ...body, agent_id: agent.id })
    if (!parsed.success) return fail(c, route, { status: 400, code: 'validation_error', message: describeIssues(parsed.error.issues) })
    const { agent_id: _id, ...fields } = parsed.data
    return c.json({ data: versionWire(state, state.addVersion(agent, fields)) }, 201)
  })

  app.post('/agents/:id/execute', async (c) => {
    const key = authenticate(c, route, 'agents:execute')
    if (isFailure(key)) return fail(c, route, key)
    const agent = findAgent(c.req.param('id'), key.workspace_id)
    if (agent === undefined) return fail(c, route, notFound('agent'))
    const body = await readJsonObject(c)
    if (isFailure(body)) return fail(c, route, body)
    const parsed = ExecuteParamsSchema.safeParse({ ...body, agent_id: agent.id })
    if (!parsed.success) return fail(c, route, { status: 400, code: 'validation_error', message: describeIssues(parsed.error.issues) })
    const versionId = parsed.data.version_id ?? agent.current_version_id
    const version = versionId === null ? undefined : state.versions.get(versionId)
    if (version === undefined || version.agent_id !== agent.id) {
      return fail(c, route, { status: 400, code: 'validation_error', message: 'the agent has no version to run' })
    }
    const execution = executionWire(state.execute(agent, version, parsed.data))
    // The official SDKs read `execution_id`; the emulator sends only `id`.
    const data = route.quirks === 'emulator' ? execution : { ...execution, execution_id: execution.id }
    return c.json({ data }, 201)
  })
}
