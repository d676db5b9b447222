import fc from 'fast-check'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isSafeId } from '@signoff/schemas'
import { InvalidRequestError, Signoff, SignoffError } from '../../src/index.js'

const BASE = 'https://fuzz.promptrails.test'
const sent: Request[] = []
let answer: () => Response = () => HttpResponse.json({ error: 'not found' }, { status: 404 })
const server = setupServer(http.all(`${BASE}/*`, ({ request }) => {
  sent.push(request)
  return answer()
}))
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }))
afterAll(() => server.close())

const client = new Signoff({ apiKey: 'pr_key_fuzz', baseUrl: BASE, maxRetries: 0 })

const hostileId = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('', ' ', '..', '.', 'a/b', '../x', '%2F', 'a%2Fb', 'a?b=1', 'a#b', 'a b', '\t', '\n', '__proto__', 'constructor', 'é', '🙂', 'x'.repeat(300)),
  fc.string().map((text) => `${text}/${text}`),
)
const notAnId = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string()), fc.object(), fc.constant(undefined))

describe('malformed input', () => {
  it('any id is either sent as exactly one encoded path segment, or refused before sending', async () => {
    await fc.assert(
      fc.asyncProperty(hostileId, async (id) => {
        sent.length = 0
        const error = await client.approvals.get(id).then(() => undefined, (caught: unknown) => caught)
        if (!isSafeId(id)) {
          expect(error).toBeInstanceOf(InvalidRequestError)
          expect(sent).toEqual([])
          return
        }
        expect(sent).toHaveLength(1)
        const path = new URL(sent[0]?.url ?? '').pathname
        expect(path.startsWith('/api/v1/approvals/')).toBe(true)
        const segment = path.slice('/api/v1/approvals/'.length)
        expect(segment.includes('/')).toBe(false)
        expect(decodeURIComponent(segment)).toBe(id)
      }),
      { numRuns: 500 },
    )
  })

  it('every method refuses values of the wrong type, sending nothing', async () => {
    const calls: ((value: unknown) => Promise<unknown>)[] = [
      (value) => client.approvals.get(value as string),
      (value) => client.approvals.decide(value as string, { decision: 'approved' }),
      (value) => client.approvals.decide({ approval_id: 'abc', decision: value as 'approved' }),
      (value) => client.approvals.decide('abc', { decision: 'approved', reason: value as string }),
      (value) => client.approvals.list({ limit: value as number }),
      (value) => client.executions.get(value as string),
      (value) => client.executions.pending_approval(value as string),
      (value) => client.agents.get(value as string),
      (value) => client.agents.execute('abc', { input: value as Record<string, unknown> }),
      (value) => client.agents.create_version('abc', { config: value as Record<string, unknown> }),
    ]
    const wrong = fc.oneof(notAnId, fc.constantFrom('maybe', -1, 0, 1.5, 101, Number.NaN))
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...calls.keys()), wrong, async (index, value) => {
        sent.length = 0
        const call = calls[index]
        if (call === undefined) return
        const error = await call(value).then(() => undefined, (caught: unknown) => caught)
        // Some values are valid for some fields (a string reason, a whole-number limit): then
        // a request may go out. Otherwise nothing may.
        if (error instanceof InvalidRequestError) expect(sent).toEqual([])
        else expect(error === undefined || error instanceof SignoffError).toBe(true)
      }),
      { numRuns: 500 },
    )
  })
})

describe('hostile response bodies', () => {
  const nested = fc.integer({ min: 1, max: 5_000 }).map((depth) => '{"data":'.repeat(depth) + 'null' + '}'.repeat(depth))
  const polluting = fc.constantFrom(
    '{"data":{"__proto__":{"polluted":true},"id":"a"}}',
    '{"__proto__":{"polluted":true},"data":[],"meta":{"__proto__":{"polluted":true}}}',
    '{"data":[{"constructor":{"prototype":{"polluted":true}}}],"meta":{"total":1,"page":1,"limit":1,"total_pages":1}}',
  )
  const bodies = fc.oneof(
    fc.json(),
    nested,
    polluting,
    fc.string({ maxLength: 200 }),
    fc.constant(`{"data":{"id":"${'x'.repeat(1_000_000)}"}}`),
  )

  it('give a typed error or a correct parse, never a crash or a polluted prototype', async () => {
    await fc.assert(
      fc.asyncProperty(bodies, fc.constantFrom(200, 400, 404, 500), async (body, status) => {
        answer = () => new HttpResponse(body, { status, headers: { 'content-type': 'application/json' } })
        const outcome = await Promise.allSettled([client.approvals.get('abc'), client.approvals.list()])
        for (const result of outcome) {
          if (result.status === 'rejected') expect(result.reason).toBeInstanceOf(SignoffError)
        }
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
        expect(Object.prototype).not.toHaveProperty('polluted')
      }),
      { numRuns: 300 },
    )
  })
})
