import { configProblem } from '../domain/config.js'
import { currentVersion, findAgent, findVersion, listAgents, listVersions } from '../domain/query.js'
import { agentWire, executionWire, versionWire } from '../domain/wire.js'
import { jsonBody } from '../http/body.js'
import { found, invalid } from '../http/failure.js'
import { listBody, pageWindow, readFilters, readPageRequest } from '../http/pagination.js'
import { CreateAgentBodySchema, CreateVersionBodySchema, ExecuteBodySchema, createAgentMessage } from './bodies.js'
import { guard, type RouteContext } from './context.js'

/** The agent routes: list, create, get, versions (list, create, promote), execute. */
export function agentRoutes(route: RouteContext): void {
  const { app, state, dialect } = route
  const agentOf = (id: string, workspaceId: string) => found(findAgent(state, id, workspaceId), 'agent')

  app.get('/api/v1/agents', guard(route, 'GET', '/api/v1/agents', 'agents:read'), (c) => {
    const query = new URL(c.req.url).searchParams
    const page = readPageRequest(query, dialect)
    const slice = listAgents(state, c.var.apiKey.workspace_id, readFilters(query, ['type', 'name']), pageWindow(page))
    return c.json(listBody(slice, page, dialect, (agent) => agentWire(state, agent)))
  })

  app.post(
    '/api/v1/agents',
    guard(route, 'POST', '/api/v1/agents', 'agents:write'),
    jsonBody(dialect, { schema: CreateAgentBodySchema, emulator: { message: createAgentMessage } }),
    (c) => {
      const agent = state.addAgent(c.var.apiKey.workspace_id, c.req.valid('json'))
      return c.json({ data: agentWire(state, agent) }, 201)
    },
  )

  app.get('/api/v1/agents/:id', guard(route, 'GET', '/api/v1/agents/:id', 'agents:read'), (c) => {
    return c.json({ data: agentWire(state, agentOf(c.req.param('id'), c.var.apiKey.workspace_id)) })
  })

  // A plain list, newest first, without meta: what the emulator answers and the SDKs read.
  app.get('/api/v1/agents/:id/versions', guard(route, 'GET', '/api/v1/agents/:id/versions', 'agents:read'), (c) => {
    const agent = agentOf(c.req.param('id'), c.var.apiKey.workspace_id)
    return c.json({ data: listVersions(state, agent).map((version) => versionWire(state, version)) })
  })

  app.post(
    '/api/v1/agents/:id/versions',
    guard(route, 'POST', '/api/v1/agents/:id/versions', 'agents:write'),
    jsonBody(dialect, { schema: CreateVersionBodySchema }),
    (c) => {
      const agent = agentOf(c.req.param('id'), c.var.apiKey.workspace_id)
      const fields = c.req.valid('json')
      const config = fields.config ?? null
      const problem = configProblem(config)
      if (problem !== undefined) throw invalid(problem)
      return c.json({ data: versionWire(state, state.addVersion(agent, { ...fields, config })) }, 201)
    },
  )

  const promotePath = '/api/v1/agents/:id/versions/:version_id/promote'
  app.put(promotePath, guard(route, 'PUT', promotePath, 'agents:write'), (c) => {
    const agent = agentOf(c.req.param('id'), c.var.apiKey.workspace_id)
    const version = found(findVersion(state, agent, c.req.param('version_id')), 'version')
    state.promote(agent, version)
    return c.json({ data: versionWire(state, version) })
  })

  app.post(
    '/api/v1/agents/:id/execute',
    guard(route, 'POST', '/api/v1/agents/:id/execute', 'agents:execute'),
    jsonBody(dialect, { schema: ExecuteBodySchema }),
    (c) => {
      const agent = agentOf(c.req.param('id'), c.var.apiKey.workspace_id)
      const fields = c.req.valid('json')
      const version = fields.version_id === undefined ? currentVersion(state, agent) : findVersion(state, agent, fields.version_id)
      if (version === undefined) throw invalid('the agent has no version to run')
      const execution = executionWire(state.execute(agent, version, fields))
      // The official SDKs read `execution_id`; the emulator sends only `id`.
      return c.json({ data: dialect.executionIdField ? { ...execution, execution_id: execution.id } : execution }, 201)
    },
  )
}
