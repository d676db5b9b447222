import { describe, expect, it } from 'vitest'
import { ApiError, ConflictError, parseRetryAfter } from '../../src/core/errors/api-error.js'
import { path } from '../../src/core/path.js'

const init = (status: number, body: unknown) => ({ status, body, headers: new Headers(), method: 'approvals.decide' })

describe('ApiError.from', () => {
  it.each([
    [400, 'BadRequestError'],
    [401, 'AuthenticationError'],
    [403, 'PermissionDeniedError'],
    [404, 'NotFoundError'],
    [409, 'ConflictError'],
    [422, 'UnprocessableEntityError'],
    [429, 'RateLimitError'],
    [500, 'InternalServerError'],
    [503, 'InternalServerError'],
    [418, 'ApiError'],
  ])('maps %i to %s', (status, name) => {
    expect(ApiError.from(init(status, { error: 'x' })).name).toBe(name)
  })

  it('reads a 400 "already decided" as a conflict, in any body shape', () => {
    expect(ApiError.from(init(400, { error: 'approval has already been decided' }))).toBeInstanceOf(ConflictError)
    expect(ApiError.from(init(400, { error: { code: 'x', message: 'Approval already decided' } }))).toBeInstanceOf(ConflictError)
    expect(ApiError.from(init(400, { error: 'decision must be approved or rejected' }))).not.toBeInstanceOf(ConflictError)
  })
})

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z')
  it('reads seconds and HTTP dates, and ignores nonsense', () => {
    expect(parseRetryAfter('5', now)).toBe(5)
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30)
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0)
    expect(parseRetryAfter('soon', now)).toBeUndefined()
    expect(parseRetryAfter(null, now)).toBeUndefined()
  })
})

describe('path', () => {
  it('encodes every interpolated value as one segment', () => {
    expect(path`approvals/${'a b/c?d#e'}/decide`).toBe('approvals/a%20b%2Fc%3Fd%23e/decide')
  })
})
