import { startMockServer, type MockServer } from '@signoff/mock/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  Executions,
  InvalidRequestError,
  Transport,
  createAgentVersion,
  decideApproval,
  executeAgent,
  getAgent,
  getPendingApproval,
  listAgents,
  listExecutions,
} from '../../src/index.js'

// The call functions over real sockets: the mock's HTTP server on 127.0.0.1, no MSW.
describe('call functions over the mock\'s real HTTP server', () => {
  let server: MockServer
  let transport: Transport
  beforeAll(async () => {
    server = await startMockServer()
    transport = new Transport({ apiKey: server.mock.store.defaults.apiKey, baseUrl: server.url, maxRetries: 0 })
  })
  afterAll(() => server.close())

  const requested = () => server.mock.requests.map((request) => `${request.method} ${request.path.split('?')[0]} ${request.status}`)

  it('one transport carries a run from a new version to its approved output, with a class over it', async () => {
    server.mock.clearRequests()
    const agent = server.mock.store.createAgent({ name: 'Replies over HTTP' })
    await createAgentVersion(transport, agent.id, { config: { approval_required: true, checkpoint_name: 'review_response' } })
    expect((await getAgent(transport, agent.id)).current_version?.config?.approval_required).toBe(true)
    expect((await listAgents(transport)).data.map((listed) => listed.id)).toContain(agent.id)

    const execution = await executeAgent(transport, { agent_id: agent.id, input: { message: 'Refund order 42' } })
    expect((await listExecutions(transport, { agent_id: agent.id })).data.map((run) => run.status)).toEqual(['awaiting_approval'])
    const approval = await getPendingApproval(transport, execution.id)
    await decideApproval(transport, { approval_id: approval.id, decision: 'approved' })
    const done = await new Executions(transport).get(execution.id)
    expect(done).toMatchObject({ id: execution.id, status: 'completed' })

    expect(requested()).toEqual([
      `POST /api/v1/agents/${agent.id}/versions 201`,
      `GET /api/v1/agents/${agent.id} 200`,
      'GET /api/v1/agents 200',
      `POST /api/v1/agents/${agent.id}/execute 201`,
      'GET /api/v1/executions 200',
      `GET /api/v1/executions/${execution.id}/pending-approval 200`,
      `POST /api/v1/approvals/${approval.id}/decide 200`,
      `GET /api/v1/executions/${execution.id} 200`,
    ])
  })

  it('bad input is an InvalidRequestError and the server sees nothing', async () => {
    server.mock.clearRequests()
    await expect(executeAgent(transport, 'a/../b', { input: {} })).rejects.toBeInstanceOf(InvalidRequestError)
    await expect(listExecutions(transport, { limit: 0 })).rejects.toBeInstanceOf(InvalidRequestError)
    await expect(getPendingApproval(transport, ' ')).rejects.toBeInstanceOf(InvalidRequestError)
    expect(server.mock.requests).toEqual([])
  })
})
