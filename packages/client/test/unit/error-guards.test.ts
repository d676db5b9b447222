import { fileURLToPath } from 'node:url'
import { runInNewContext } from 'node:vm'
import { build } from 'esbuild'
import { beforeAll, describe, expect, it } from 'vitest'
import * as client from '../../src/index.js'

const entry = fileURLToPath(new URL('../../src/index.ts', import.meta.url))
const schemasEntry = fileURLToPath(new URL('../../../schemas/src/index.ts', import.meta.url))

// Another copy of the client, loaded in another realm: what an install with two versions of
// @signoff/client, or an error crossing from an iframe or a worker, looks like.
let other: typeof client
beforeAll(async () => {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    globalName: 'otherCopy',
    write: false,
    logLevel: 'silent',
    alias: { '@signoff/schemas': schemasEntry },
  })
  const realm = { Headers, Request, Response, URL, AbortController, AbortSignal, TextEncoder, TextDecoder, ReadableStream, crypto, setTimeout, clearTimeout }
  runInNewContext(`${result.outputFiles[0]?.text ?? ''};globalThis.otherCopy = otherCopy`, realm)
  other = (realm as unknown as { otherCopy: typeof client }).otherCopy
})

const init = (status: number) => ({ status, body: { error: 'x' }, headers: new Headers(), method: 'approvals.get' })

// Every exported error class, with how to make one and the guard that must recognise it.
const kinds = [
  ['BadRequestError', (c: typeof client) => new c.BadRequestError(init(400)), 'isBadRequestError'],
  ['AuthenticationError', (c: typeof client) => new c.AuthenticationError(init(401)), 'isAuthenticationError'],
  ['PermissionDeniedError', (c: typeof client) => new c.PermissionDeniedError(init(403)), 'isPermissionDeniedError'],
  ['NotFoundError', (c: typeof client) => new c.NotFoundError(init(404)), 'isNotFoundError'],
  ['ConflictError', (c: typeof client) => new c.ConflictError(init(409)), 'isConflictError'],
  ['UnprocessableEntityError', (c: typeof client) => new c.UnprocessableEntityError(init(422)), 'isUnprocessableEntityError'],
  ['RateLimitError', (c: typeof client) => new c.RateLimitError(init(429)), 'isRateLimitError'],
  ['InternalServerError', (c: typeof client) => new c.InternalServerError(init(500)), 'isInternalServerError'],
  ['ConnectionError', (c: typeof client) => new c.ConnectionError('down'), 'isConnectionError'],
  ['TimeoutError', (c: typeof client) => new c.TimeoutError('slow'), 'isTimeoutError'],
  ['ResponseValidationError', (c: typeof client) => new c.ResponseValidationError('approvals.get', 200, []), 'isResponseValidationError'],
  ['InvalidRequestError', (c: typeof client) => new c.InvalidRequestError('approvals.get', []), 'isInvalidRequestError'],
  ['WebhookVerificationError', (c: typeof client) => new c.WebhookVerificationError('bad_signature', 'no'), 'isWebhookVerificationError'],
] as const

type GuardName = Extract<keyof typeof client, `is${string}Error`>
const guards = Object.keys(client).filter((name): name is GuardName => /^is\w+Error$/.test(name))

describe('error guards', () => {
  it('there is one guard per exported error class', () => {
    const classes = Object.keys(client).filter((name) => /Error$/.test(name) && !name.startsWith('is'))
    expect(guards.map((name) => name.slice(2)).sort()).toEqual([...classes].sort())
  })

  it.each(kinds)('%s from another copy in another realm is recognised by its guard, where instanceof fails', (name, make, guard) => {
    const foreign = make(other)
    expect(foreign).not.toBeInstanceOf(client.SignoffError)
    expect(foreign).not.toBeInstanceOf(Error)
    expect(client[guard](foreign)).toBe(true)
    expect(client.isSignoffError(foreign)).toBe(true)
    expect(client[guard](make(client))).toBe(true)
    // …and by no guard of an unrelated class.
    const parents = typeof (foreign as { status?: unknown }).status === 'number' && name !== 'ResponseValidationError' ? ['ApiError'] : []
    if (name === 'TimeoutError') parents.push('ConnectionError')
    const related = new Set(['SignoffError', name, ...parents])
    for (const other of guards) expect(client[other](foreign), other).toBe(related.has(other.slice(2)))
  })

  it('nothing else passes: plain errors, look-alikes by name, non-objects', () => {
    const lookalike = Object.assign(new Error('x'), { name: 'ConflictError', status: 409 })
    for (const value of [lookalike, new Error('x'), null, undefined, 'ConflictError', 409, {}]) {
      for (const guard of guards) expect(client[guard](value)).toBe(false)
    }
  })

  it('narrows the type', () => {
    const error: unknown = new client.RateLimitError({ ...init(429), headers: new Headers({ 'retry-after': '3' }) })
    if (!client.isRateLimitError(error)) throw new Error('not narrowed')
    expect(error.retryAfter).toBe(3)
  })
})
