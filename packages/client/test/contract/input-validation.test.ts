import { describe, expect, it } from 'vitest'
import { InvalidRequestError, Signoff } from '../../src/index.js'
import { useMockApi } from './harness.js'

const ID = '2Nz3qkGXBtBLqYuwKyWqu9BFWaE'

describe('invalid input never reaches the network', () => {
  const api = useMockApi('standard')

  const cases: [string, (client: Signoff) => Promise<unknown>, RegExp][] = [
    ['an unknown decision', (c) => c.approvals.decide({ approval_id: ID, decision: 'maybe' as 'approved' }), /decision must be "approved" or "rejected"/],
    ['an id with a slash', (c) => c.approvals.decide('a/../b', { decision: 'approved' }), /approval_id must be a non-empty id/],
    ['an empty id', (c) => c.approvals.get(''), /approval_id/],
    ['an id with a query', (c) => c.approvals.get('abc?x=1'), /approval_id/],
    ['an id with whitespace', (c) => c.executions.get('abc def'), /execution_id/],
    ['a dot segment id', (c) => c.executions.pending_approval('..'), /execution_id/],
    ['an encoded slash', (c) => c.agents.get('a%2Fb'), /agent_id/],
    ['a number as id', (c) => c.approvals.get(42 as unknown as string), /approval_id/],
    ['a reason that is not text', (c) => c.approvals.decide(ID, { decision: 'approved', reason: 5 as unknown as string }), /reason must be a string/],
    ['a missing config', (c) => c.agents.create_version({ agent_id: ID } as never), /config/],
    ['a non-boolean approval_required', (c) => c.agents.create_version(ID, { config: { approval_required: 'yes' as unknown as boolean } }), /approval_required must be true or false/],
    ['an input that is not an object', (c) => c.agents.execute(ID, { input: 'hello' as never }), /input must be a JSON object/],
    ['a limit over 100', (c) => c.approvals.list({ limit: 500 }), /limit must be an integer from 1 to 100/],
    ['a page of zero', (c) => c.executions.list({ page: 0 }), /page must be an integer of at least 1/],
    ['a non-string status', (c) => c.approvals.list({ status: 1 as never }), /status must be a string/],
  ]

  it.each(cases)('%s is an InvalidRequestError naming the field', async (_name, call, message) => {
    const error = await call(api.client()).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(InvalidRequestError)
    expect((error as Error).message).toMatch(message)
    expect(api.sent).toEqual([])
  })

  it('iterating an invalid list fails on the first step, sending nothing', async () => {
    const walk = async () => {
      for await (const approval of api.client().approvals.list({ limit: -1 })) void approval
    }
    await expect(walk()).rejects.toBeInstanceOf(InvalidRequestError)
    expect(api.sent).toEqual([])
  })

  it('wrong client options throw at construction, naming the option, not the key', () => {
    expect(() => new Signoff({ apiKey: ' ' })).toThrow(/apiKey must be a non-empty string/)
    expect(() => new Signoff({ baseUrl: 'not a url' })).toThrow(/baseUrl must be an absolute URL/)
    expect(() => new Signoff({ timeout: -1 })).toThrow(/timeout must be a positive number/)
    expect(() => new Signoff({ maxRetries: 1.5 })).toThrow(/maxRetries must be an integer/)
    expect(() => new Signoff({ apiKey: 'pr_key_secret', timeout: 0 })).not.toThrow(/pr_key_secret/)
  })
})
