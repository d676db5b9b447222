import { describe, expect, it } from 'vitest'
import {
  Approvals,
  InvalidRequestError,
  Transport,
  decideApproval,
  getApproval,
  isConflictError,
  listApprovals,
  type ClientOptions,
} from '../../src/index.js'
import { BASE_URL, QUIRKS, loseFirstDecideResponse, pendingApproval, seedApprovalAgent, useMockApi } from './harness.js'

describe.each(QUIRKS)('the approval call functions against the %s mock', (quirks) => {
  const api = useMockApi(quirks)
  const transport = (options: ClientOptions = {}) =>
    new Transport({
      apiKey: api.mock.store.defaults.apiKey,
      baseUrl: BASE_URL,
      maxRetries: 0,
      dangerouslyAllowBrowser: true,
      ...options,
    })

  it('list, get and decide over one transport, as the class methods do', async () => {
    const approval = await pendingApproval(api)
    const over = transport()

    const page = await listApprovals(over, { status: 'pending' })
    expect(page.data.map((item) => item.id)).toEqual([approval.id])
    expect(page.meta).toMatchObject({ total: 1, page: 1, total_pages: 1 })

    expect(await getApproval(over, approval.id)).toMatchObject({ id: approval.id, status: 'pending' })
    const decided = await decideApproval(over, approval.id, { decision: 'approved', reason: 'ok' })
    expect(decided).toMatchObject({ id: approval.id, status: 'approved', reason: 'ok' })
    expect(api.mock.store.getExecution(approval.execution_id)?.status).toBe('completed')

    // A class built over the same transport sees the same approval.
    expect(await new Approvals(over).get({ approval_id: approval.id })).toMatchObject({ status: 'approved' })
  })

  it('the object form of decide, and withResponse on every call', async () => {
    const approval = await pendingApproval(api)
    const over = transport()
    const { data, response } = await decideApproval(over, { approval_id: approval.id, decision: 'rejected' }).withResponse()
    expect(data.status).toBe('rejected')
    expect(response.status).toBe(200)
    expect((await listApprovals(over).withResponse()).response.status).toBe(200)
  })

  it('walks every page with for await', async () => {
    const agent = seedApprovalAgent(api.mock)
    const created: string[] = []
    for (let index = 0; index < 5; index++) {
      const execution = await api.client().agents.execute({ agent_id: agent.id, input: { message: `m${index}` } })
      created.push(execution.id)
    }
    const seen: string[] = []
    for await (const approval of listApprovals(transport(), { limit: 2 })) seen.push(approval.execution_id)
    expect(seen).toEqual([...created].reverse())
  })

  it('a decide whose response is lost is reconciled by reading the approval back', async () => {
    const approval = await pendingApproval(api)
    const attempts = loseFirstDecideResponse(api)
    const decided = await decideApproval(transport({ maxRetries: 2 }), approval.id, { decision: 'approved', reason: 'ok' })
    expect(decided).toMatchObject({ id: approval.id, status: 'approved' })
    expect(attempts()).toBe(2)

    // Deciding it again is someone else's decision now: a conflict carrying the approval.
    const again = await decideApproval(transport(), approval.id, { decision: 'rejected' }).catch((error: unknown) => error)
    expect(isConflictError(again)).toBe(true)
  })

  it('bad input is an InvalidRequestError and nothing is sent', async () => {
    const over = transport()
    await expect(decideApproval(over, 'a/b', { decision: 'approved' })).rejects.toBeInstanceOf(InvalidRequestError)
    await expect(decideApproval(over, { approval_id: 'x', decision: 'maybe' as 'approved' })).rejects.toThrow(
      /decision must be "approved" or "rejected"/,
    )
    await expect(listApprovals(over, { limit: 500 })).rejects.toBeInstanceOf(InvalidRequestError)
    await expect(getApproval(over, '')).rejects.toBeInstanceOf(InvalidRequestError)
    expect(api.sent).toHaveLength(0)
  })
})

describe('a transport', () => {
  it('checks its options at once, naming the option and never quoting the key', () => {
    const key = 'pr_secret_key_123'
    const error = (() => {
      try {
        return new Transport({ apiKey: key, baseUrl: 'localhost:4010', dangerouslyAllowBrowser: true })
      } catch (caught) {
        return caught
      }
    })()
    expect(error).toBeInstanceOf(InvalidRequestError)
    expect((error as InvalidRequestError).issues.map((issue) => issue.path)).toEqual([['baseUrl']])
    expect(String((error as Error).message)).not.toContain(key)
  })

  it('refuses a transport made by another copy of the package, rather than taking it for options', () => {
    const foreign = { [Symbol.toStringTag]: 'Transport' } as unknown as Transport
    expect(() => new Approvals(foreign)).toThrow(/another copy of @signoff\/client/)
    expect(() => new Approvals(foreign)).toThrow(InvalidRequestError)
  })

  it('keeps the key out of what it shows', () => {
    const key = 'pr_secret_key_456'
    const transport = new Transport({ apiKey: key, baseUrl: BASE_URL, dangerouslyAllowBrowser: true })
    expect(JSON.stringify(transport)).not.toContain(key)
    expect(String(transport)).toBe('[object Transport]')
    expect(Object.values(transport).join(' ')).not.toContain(key)
  })
})
