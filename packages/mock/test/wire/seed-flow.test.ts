import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMockServer, type MockServer } from '../../src/node.js'
import { KSUID, sdkRequest } from './official-sdk.js'

// The official JS SDK's walk through the approvals workflow, sent over real HTTP as that SDK
// sends it, with what the public emulator (dialect `emulator`) or contract.md (`standard`)
// says each step answers.

const expected = {
  standard: {
    conflict: { status: 409, body: { error: { code: 'conflict', message: 'approval has already been decided' } } },
    badDecision: { status: 400, body: { error: { code: 'validation_error', message: 'decision: decision must be "approved" or "rejected"' } } },
    executionIdField: true,
    overLimit: { status: 400, body: { error: { code: 'validation_error', message: 'limit must be at most 100' } } },
  },
  emulator: {
    conflict: { status: 400, body: { error: { code: 'bad_request', message: 'approval has already been decided' } } },
    badDecision: { status: 400, body: { error: { code: 'bad_request', message: "decision must be 'approved' or 'rejected'" } } },
    executionIdField: false,
    // The emulator resets a limit over 100 to 20 and answers the page.
    overLimit: { status: 200, body: { data: [], meta: { total: 0, page: 1, limit: 20, total_pages: 0 } } },
  },
} as const

describe.each(['standard', 'emulator'] as const)('the official SDK seed flow against the %s dialect', (dialect) => {
  let server: MockServer
  let agentId = ''
  const want = expected[dialect]

  beforeAll(async () => {
    server = await startMockServer({ dialect })
    agentId = server.mock.store.createAgent({ name: 'Support replies', type: 'simple' }).id
  })
  afterAll(() => server.close())

  const pendingApprovalOf = async (executionId: string) => {
    const answer = await sdkRequest(server, 'GET', `/api/v1/executions/${executionId}/pending-approval`)
    expect(answer.status).toBe(200)
    return (answer.body['data'] as { id: string }).id
  }
  const execute = async (message: string) => {
    const answer = await sdkRequest(server, 'POST', `/api/v1/agents/${agentId}/execute`, { body: { input: { message } } })
    expect(answer.status).toBe(201)
    return answer.body['data'] as Record<string, unknown>
  }

  it('lists agents with meta.total_pages, and gets one', async () => {
    const list = await sdkRequest(server, 'GET', '/api/v1/agents?page=1&limit=20')
    expect(list.status).toBe(200)
    expect(list.body['meta']).toEqual({ total: 1, page: 1, limit: 20, total_pages: 1 })
    const agent = await sdkRequest(server, 'GET', `/api/v1/agents/${agentId}`)
    expect(agent.status).toBe(200)
    expect(agent.body['data']).toMatchObject({ id: agentId, name: 'Support replies', type: 'simple', current_version: null })
  })

  it('creates versions with and without config, lists them newest first, and promotes one', async () => {
    const gated = await sdkRequest(server, 'POST', `/api/v1/agents/${agentId}/versions`, {
      body: { version: '1.0.0', config: { approval_required: true, checkpoint_name: 'review_response', temperature: 0.7 }, message: 'Gated' },
    })
    expect(gated.status).toBe(201)
    expect(gated.body['data']).toMatchObject({ version: '1.0.0', is_current: true, config: { approval_required: true, checkpoint_name: 'review_response' } })
    const bare = await sdkRequest(server, 'POST', `/api/v1/agents/${agentId}/versions`, { body: { version: '2.0.0', set_current: false } })
    expect(bare.status).toBe(201)
    expect(bare.body['data']).toMatchObject({ version: '2.0.0', config: null, is_current: false })

    const versions = await sdkRequest(server, 'GET', `/api/v1/agents/${agentId}/versions`)
    expect(versions.status).toBe(200)
    expect(Object.keys(versions.body)).toEqual(['data'])
    expect((versions.body['data'] as { version: string }[]).map((version) => version.version)).toEqual(['2.0.0', '1.0.0'])

    const gatedId = (gated.body['data'] as { id: string }).id
    const promoted = await sdkRequest(server, 'PUT', `/api/v1/agents/${agentId}/versions/${gatedId}/promote`, { body: {} })
    expect(promoted.status).toBe(200)
    expect(promoted.body['data']).toMatchObject({ id: gatedId, is_current: true })
    const missing = await sdkRequest(server, 'PUT', `/api/v1/agents/${agentId}/versions/nope/promote`, { body: {} })
    expect(missing).toMatchObject({ status: 404, body: { error: { code: 'not_found', message: 'version not found' } } })
  })

  it('executes and reads the execution: bare KSUIDs, a session id, error ""', async () => {
    const execution = await execute('Where is my order?')
    expect(execution).toMatchObject({ status: 'awaiting_approval', error: '', session_id: expect.stringMatching(KSUID), trace_id: expect.stringMatching(KSUID) })
    expect('execution_id' in execution).toBe(want.executionIdField)
    const read = await sdkRequest(server, 'GET', `/api/v1/executions/${execution['id'] as string}`)
    expect(read.status).toBe(200)
    expect(read.body['data']).toMatchObject({ id: execution['id'], status: 'awaiting_approval', output: null })
  })

  it('lists pending approvals, gets one, approves one and rejects another; a second decision is a conflict', async () => {
    const first = await pendingApprovalOf((await execute('first')).id as string)
    const second = await pendingApprovalOf((await execute('second')).id as string)
    const pending = await sdkRequest(server, 'GET', '/api/v1/approvals?status=pending&page=1&limit=20')
    expect(pending.status).toBe(200)
    expect((pending.body['data'] as { id: string }[]).slice(0, 2).map((approval) => approval.id)).toEqual([second, first])
    expect(pending.body['meta']).toMatchObject({ page: 1, limit: 20, total_pages: 1 })

    const got = await sdkRequest(server, 'GET', `/api/v1/approvals/${first}`)
    expect(got).toMatchObject({ status: 200, body: { data: { id: first, status: 'pending', checkpoint_name: 'review_response' } } })

    const approved = await sdkRequest(server, 'POST', `/api/v1/approvals/${first}/decide`, { body: { decision: 'approved', reason: 'Looks right' } })
    expect(approved.status).toBe(200)
    expect(approved.body['data']).toMatchObject({ status: 'approved', reason: 'Looks right', decided_by: expect.stringMatching(KSUID) })
    const rejected = await sdkRequest(server, 'POST', `/api/v1/approvals/${second}/decide`, { body: { decision: 'rejected', reason: 'Wrong price' } })
    expect(rejected).toMatchObject({ status: 200, body: { data: { status: 'rejected', reason: 'Wrong price' } } })

    const again = await sdkRequest(server, 'POST', `/api/v1/approvals/${first}/decide`, { body: { decision: 'approved' } })
    expect({ status: again.status, body: again.body }).toEqual(want.conflict)

    const decidedRun = (approved.body['data'] as { execution_id: string }).execution_id
    const nothingPending = await sdkRequest(server, 'GET', `/api/v1/executions/${decidedRun}/pending-approval`)
    expect({ status: nothingPending.status, body: nothingPending.body }).toEqual({
      status: 404,
      body: { error: { code: 'not_found', message: 'no pending approval for this execution' } },
    })
  })

  it('refuses an invalid decision with 400 and the dialect\'s message, leaving the approval pending', async () => {
    const approval = await pendingApprovalOf((await execute('third')).id as string)
    const answer = await sdkRequest(server, 'POST', `/api/v1/approvals/${approval}/decide`, { body: { decision: 'maybe' } })
    expect({ status: answer.status, body: answer.body }).toEqual(want.badDecision)
    expect(server.mock.store.getApproval(approval)?.status).toBe('pending')
  })

  it('answers a limit over 100 as the dialect does (contract.md: limit is at most 100)', async () => {
    const answer = await sdkRequest(server, 'GET', '/api/v1/executions?status=cancelled&page=1&limit=101')
    expect({ status: answer.status, body: answer.body }).toEqual(want.overLimit)
    const most = await sdkRequest(server, 'GET', '/api/v1/executions?status=cancelled&page=1&limit=100')
    expect({ status: most.status, meta: most.body['meta'] }).toEqual({ status: 200, meta: { total: 0, page: 1, limit: 100, total_pages: 0 } })
  })

  it('lists executions by status', async () => {
    const completed = await sdkRequest(server, 'GET', '/api/v1/executions?status=completed&page=1&limit=20')
    expect(completed.status).toBe(200)
    expect((completed.body['data'] as { status: string }[]).map((execution) => execution.status)).toEqual(['completed'])
    expect(completed.body['meta']).toEqual({ total: 1, page: 1, limit: 20, total_pages: 1 })
  })

  it('answers not found and a wrong key as the SDK expects', async () => {
    expect(await sdkRequest(server, 'GET', '/api/v1/executions/nope')).toMatchObject({
      status: 404,
      body: { error: { code: 'not_found', message: 'execution not found' } },
    })
    const wrongKey = await sdkRequest(server, 'GET', '/api/v1/approvals', { key: 'pr_key_wrong' })
    expect({ status: wrongKey.status, body: wrongKey.body }).toEqual({ status: 401, body: { error: { code: 'unauthorized', message: 'missing or invalid API key' } } })
  })

  it('creates an agent, requiring name and type as the emulator does', async () => {
    const created = await sdkRequest(server, 'POST', '/api/v1/agents', { body: { name: 'Invoices', type: 'simple', description: 'Checks invoices' } })
    expect(created.status).toBe(201)
    expect(created.body['data']).toMatchObject({ id: expect.stringMatching(KSUID), name: 'Invoices', type: 'simple', description: 'Checks invoices' })
    const untyped = await sdkRequest(server, 'POST', '/api/v1/agents', { body: { name: 'No type' } })
    expect(untyped.status).toBe(400)
    const message = dialect === 'emulator' ? 'name and type are required' : 'type: type must be a string such as "simple"'
    expect((untyped.body['error'] as { message: string }).message).toBe(message)
  })

  it('answers a known path asked with the wrong method 405, as the emulator\'s framework does', async () => {
    const answer = await sdkRequest(server, 'DELETE', `/api/v1/approvals/x/decide`)
    expect({ status: answer.status, body: answer.body }).toEqual({ status: 405, body: { message: 'Method Not Allowed' } })
    expect(answer.headers.get('allow')).toBe('POST')
    expect((await sdkRequest(server, 'GET', '/api/v1/nothing-here')).status).toBe(404)
  })
})

describe('an invalid decision on an approval already decided', () => {
  it('is "already decided" in the emulator dialect (it looks at the approval first), and 400 in the standard one', async () => {
    for (const dialect of ['emulator', 'standard'] as const) {
      const server = await startMockServer({ dialect })
      try {
        const agent = server.mock.store.createAgent({ name: 'Gated', config: { approval_required: true } })
        const execution = server.mock.store.execute(agent.id, { message: 'hi' })
        const approval = server.mock.store.listApprovals({ execution_id: execution.id })[0]?.id ?? ''
        await sdkRequest(server, 'POST', `/api/v1/approvals/${approval}/decide`, { body: { decision: 'approved' } })
        const answer = await sdkRequest(server, 'POST', `/api/v1/approvals/${approval}/decide`, { body: { decision: 'maybe' } })
        expect(answer.status).toBe(400)
        expect((answer.body['error'] as { message: string }).message).toMatch(dialect === 'emulator' ? /^approval has already been decided$/ : /^decision: /)
      } finally {
        await server.close()
      }
    }
  })
})
