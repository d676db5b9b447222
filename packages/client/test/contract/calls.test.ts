import { describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import {
  Agents,
  Executions,
  InvalidRequestError,
  NotFoundError,
  ResponseValidationError,
  Transport,
  createAgentVersion,
  decideApproval,
  executeAgent,
  getAgent,
  getExecution,
  getPendingApproval,
  listAgents,
  listExecutions,
  type ClientOptions,
} from '../../src/index.js'
import { BASE_URL, QUIRKS, seedApprovalAgent, useMockApi, type Harness } from './harness.js'

const ID = '2Nz3qkGXBtBLqYuwKyWqu9BFWaE'

// A transport with the mock's key and no retries, as `api.client()` builds a client.
function transportFor(api: Harness, options: ClientOptions = {}): Transport {
  return new Transport({
    apiKey: api.mock.store.defaults.apiKey,
    baseUrl: BASE_URL,
    maxRetries: 0,
    dangerouslyAllowBrowser: true,
    ...options,
  })
}

describe.each(QUIRKS)('agent and execution calls against the %s mock', (quirks) => {
  const api = useMockApi(quirks)

  it('one transport serves calls of every resource and a class built over it', async () => {
    const transport = transportFor(api, { workspaceId: api.mock.store.defaults.workspaceId, headers: { 'x-trace': 'calls-1' } })
    const agent = api.mock.store.createAgent({ name: 'Replies', config: { temperature: 0.2 } })

    const version = await createAgentVersion(transport, {
      agent_id: agent.id,
      config: { approval_required: true, checkpoint_name: 'review_response', temperature: 0.7 },
      message: 'Added approval',
    })
    expect(version).toMatchObject({ agent_id: agent.id, is_current: true, config: { approval_required: true, checkpoint_name: 'review_response' } })
    expect((await getAgent(transport, agent.id)).current_version?.id).toBe(version.id)

    const execution = await executeAgent(transport, agent.id, { input: { message: 'Refund order 42' }, session_id: 's-1' })
    expect(execution).toMatchObject({ agent_id: agent.id, status: 'awaiting_approval' })
    expect((await listExecutions(transport, { session_id: 's-1' })).data.map((run) => run.id)).toEqual([execution.id])

    const approval = await getPendingApproval(transport, execution.id)
    expect(approval).toMatchObject({ execution_id: execution.id, status: 'pending', checkpoint_name: 'review_response' })
    await decideApproval(transport, approval.id, { decision: 'approved', reason: 'Looks right' })

    // The class and the functions are one definition over the same transport.
    const executions = new Executions(transport)
    const done = await executions.get(execution.id)
    expect(done.status).toBe('completed')
    expect(done.output).not.toBeNull()
    expect(await getExecution(transport, { execution_id: execution.id })).toEqual(done)
    await expect(executions.pending_approval(execution.id)).rejects.toBeInstanceOf(NotFoundError)

    // Every request, whichever function or class sent it, carried the transport's settings.
    expect(api.sent).toHaveLength(9)
    for (const request of api.sent) {
      expect(request.headers.get('x-api-key')).toBe(api.mock.store.defaults.apiKey)
      expect(request.headers.get('x-workspace-id')).toBe(api.mock.store.defaults.workspaceId)
      expect(request.headers.get('x-trace')).toBe('calls-1')
    }
  })

  it('agent calls: list and walk, get, both forms of create and execute, and the Agents class', async () => {
    const transport = transportFor(api)
    const gated = seedApprovalAgent(api.mock)
    const plain = api.mock.store.createAgent({ name: 'Plain', config: { approval_required: false } })
    api.mock.store.createAgent({ name: 'Third' })

    const page = await listAgents(transport, { limit: 2 })
    expect(page.data).toHaveLength(2)
    expect(page.meta).toMatchObject({ total: 3, page: 1, limit: 2 })
    const names: string[] = []
    for await (const agent of listAgents(transport, { limit: 2 })) names.push(agent.name)
    expect(names.sort()).toEqual(['Plain', 'Support replies', 'Third'])
    expect(await getAgent(transport, { agent_id: gated.id })).toEqual(await new Agents(transport).get(gated.id))

    const byObject = await createAgentVersion(transport, { agent_id: plain.id, config: { approval_required: false } })
    const byPosition = await createAgentVersion(transport, plain.id, { config: { approval_required: false }, message: 'second' })
    expect(byPosition).toMatchObject({ agent_id: plain.id, message: 'second', is_current: true })
    expect(byPosition.id).not.toBe(byObject.id)

    const completed = await executeAgent(transport, { agent_id: plain.id, input: { message: 'Hi' } })
    expect(completed).toMatchObject({ agent_id: plain.id, status: 'completed' })
    expect(completed.output).not.toBeNull()
    const waiting = await new Agents(transport).execute(gated.id, { input: { message: 'Hi' } })
    expect(waiting.status).toBe('awaiting_approval')
    expect(api.mock.store.getExecution(waiting.id)?.status).toBe('awaiting_approval')

    const awaiting = []
    for await (const run of listExecutions(transport, { status: 'awaiting_approval' })) awaiting.push(run.id)
    expect(awaiting).toEqual([waiting.id])
    expect((await listExecutions(transport, { agent_id: plain.id })).data.map((run) => run.id)).toEqual([completed.id])
  })

  it('getPendingApproval types and checks the payload with a caller-supplied schema', async () => {
    const transport = transportFor(api)
    const agent = seedApprovalAgent(api.mock)
    const execution = await executeAgent(transport, { agent_id: agent.id, input: { message: 'Refund order 42' } })

    const Review = z.object({ input: z.object({ message: z.string() }) })
    const typed = await getPendingApproval(transport, { execution_id: execution.id }, { payloadSchema: Review })
    expect(typed.payload?.input.message).toBe('Refund order 42')

    const Wrong = z.object({ input: z.object({ amount: z.number() }) })
    const error = await getPendingApproval(transport, execution.id, { payloadSchema: Wrong }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ResponseValidationError)
    expect((error as Error).message).toContain('data.payload.input.amount')
  })

  it('an unknown agent or execution is a NotFoundError', async () => {
    const transport = transportFor(api)
    await expect(getAgent(transport, ID)).rejects.toBeInstanceOf(NotFoundError)
    await expect(executeAgent(transport, ID, { input: {} })).rejects.toBeInstanceOf(NotFoundError)
    await expect(getExecution(transport, ID)).rejects.toBeInstanceOf(NotFoundError)
    await expect(getPendingApproval(transport, ID)).rejects.toBeInstanceOf(NotFoundError)
  })
})

describe('agent and execution calls refuse bad input before any request', () => {
  const api = useMockApi('standard')

  const cases: [string, (transport: Transport) => Promise<unknown>, RegExp][] = [
    ['listAgents: a limit over 100', (t) => listAgents(t, { limit: 500 }), /limit must be an integer from 1 to 100/],
    ['getAgent: an encoded slash', (t) => getAgent(t, 'a%2Fb'), /agent_id/],
    ['getAgent: a number as id', (t) => getAgent(t, 42 as unknown as string), /agent_id/],
    ['createAgentVersion: a missing config', (t) => createAgentVersion(t, { agent_id: ID } as never), /config/],
    ['createAgentVersion: a non-boolean approval_required', (t) => createAgentVersion(t, ID, { config: { approval_required: 'yes' as unknown as boolean } }), /approval_required must be true or false/],
    ['executeAgent: an input that is not an object', (t) => executeAgent(t, ID, { input: 'hello' as never }), /input must be a JSON object/],
    ['executeAgent: an id with a slash', (t) => executeAgent(t, { agent_id: 'a/../b', input: {} }), /agent_id must be a non-empty id/],
    ['executeAgent: a negative timeout', (t) => executeAgent(t, ID, { input: {} }, { timeout: -1 }), /timeout/],
    ['listExecutions: a page of zero', (t) => listExecutions(t, { page: 0 }), /page must be an integer of at least 1/],
    ['getExecution: an id with whitespace', (t) => getExecution(t, 'abc def'), /execution_id/],
    ['getPendingApproval: a dot segment id', (t) => getPendingApproval(t, '..'), /execution_id/],
  ]

  it.each(cases)('%s is an InvalidRequestError naming the field', async (_name, call, message) => {
    const error = await call(transportFor(api)).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(InvalidRequestError)
    expect((error as Error).message).toMatch(message)
    expect(api.sent).toEqual([])
    expect(api.mock.requests).toEqual([])
  })

  it('walking an invalid list fails on the first step, sending nothing', async () => {
    const walk = async () => {
      for await (const execution of listExecutions(transportFor(api), { limit: -1 })) void execution
    }
    await expect(walk()).rejects.toBeInstanceOf(InvalidRequestError)
    expect(api.sent).toEqual([])
    expect(api.mock.requests).toEqual([])
  })
})
