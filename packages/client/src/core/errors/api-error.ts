import { readErrorBody, type ApprovalRequest } from '@signoff/schemas'
import { isAlreadyDecided } from '../already-decided.js'
import { brand } from './brand.js'
import { SignoffError } from './signoff-error.js'

/** What the client knows about a failed response. */
export interface ApiErrorInit {
  /** HTTP status code. */
  status: number
  /** The response body: parsed JSON, text, or `undefined` when empty. */
  body: unknown
  /** The response headers. */
  headers: Headers
  /** The method that failed, for example `approvals.decide`. */
  method: string
}

/**
 * The server answered with an error status. One subclass per status family is thrown;
 * catch `ApiError` to handle all of them.
 */
export class ApiError extends SignoffError {
  override name = brand(this, 'ApiError')
  /** HTTP status code. */
  readonly status: number
  /** The server's machine-readable error code, when it sent one (for example `not_found`). */
  readonly code: string | undefined
  /** Extra structured detail from the server, when it sent some. */
  readonly details: unknown
  /** The server's request id (`X-Request-Id`), to quote to support. */
  readonly requestId: string | undefined
  /** The response headers. */
  readonly headers: Headers

  constructor(init: ApiErrorInit) {
    const detail = readErrorBody(init.body)
    const text = detail?.message ?? describeBody(init.body, init.headers)
    super(`${init.method}: ${init.status} ${text}`)
    this.status = init.status
    this.code = detail?.code
    this.details = detail?.details
    this.requestId = init.headers.get('x-request-id') ?? undefined
    this.headers = init.headers
  }

  /** Builds the subclass that matches a failed response. */
  static from(init: ApiErrorInit): ApiError {
    const { status } = init
    if (status === 409 || isAlreadyDecided(status, init.body)) return new ConflictError(init)
    if (status === 400) return new BadRequestError(init)
    if (status === 401) return new AuthenticationError(init)
    if (status === 403) return new PermissionDeniedError(init)
    if (status === 404) return new NotFoundError(init)
    if (status === 422) return new UnprocessableEntityError(init)
    if (status === 429) return new RateLimitError(init)
    if (status >= 500) return new InternalServerError(init)
    return new ApiError(init)
  }
}

function describeBody(body: unknown, headers: Headers): string {
  if (body === undefined || body === '') return 'with an empty body'
  const type = headers.get('content-type') ?? 'an unknown content type'
  return typeof body === 'string' ? `with a body that is not an API error (${type})` : 'with an unrecognised error body'
}

/** 400: the server rejected the request as malformed. */
export class BadRequestError extends ApiError {
  override name = brand(this, 'BadRequestError')
}

/** 401: the API key is missing or not valid. */
export class AuthenticationError extends ApiError {
  override name = brand(this, 'AuthenticationError')
}

/** 403: the API key lacks the scope this call needs (for example `approvals:write`). */
export class PermissionDeniedError extends ApiError {
  override name = brand(this, 'PermissionDeniedError')
}

/** 404: no such object in the key's workspace. */
export class NotFoundError extends ApiError {
  override name = brand(this, 'NotFoundError')
}

/**
 * 409, or a 400 saying "already decided": the approval is no longer pending. When the client
 * read the approval back, `approval` holds it as it stands.
 */
export class ConflictError extends ApiError {
  override name = brand(this, 'ConflictError')
  /** The approval as it stands, when the client read it back after the conflict. */
  approval: ApprovalRequest | undefined = undefined
}

/** 422: the request was well-formed but could not be processed. */
export class UnprocessableEntityError extends ApiError {
  override name = brand(this, 'UnprocessableEntityError')
}

/** 429: too many requests. `retryAfter` says how long the server asked to wait. */
export class RateLimitError extends ApiError {
  override name = brand(this, 'RateLimitError')
  /** Seconds to wait before trying again, from `Retry-After` (seconds or an HTTP date). */
  readonly retryAfter: number | undefined

  constructor(init: ApiErrorInit) {
    super(init)
    this.retryAfter = parseRetryAfter(init.headers.get('retry-after'))
  }
}

/** 5xx: the server failed. Retried automatically up to `maxRetries`. */
export class InternalServerError extends ApiError {
  override name = brand(this, 'InternalServerError')
}

/** Reads `Retry-After` as seconds, from either of its two forms. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return Math.max(0, seconds)
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000))
}
