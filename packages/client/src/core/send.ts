import type { StandardSchemaV1 } from '@standard-schema/spec'
import ky, { type Options as KyOptions, type RetryOptions, isHTTPError, isNetworkError, isTimeoutError, SchemaValidationError } from 'ky'
import { isIdempotencyLock } from './already-decided.js'
import type { WithResponse } from './api-promise.js'
import { ApiError } from './errors/api-error.js'
import { ConnectionError, TimeoutError } from './errors/connection-error.js'
import { ResponseValidationError } from './errors/response-validation-error.js'
import type { ResolvedOptions } from './options.js'
import { readBody } from './read-body.js'

/** Query parameters; `undefined` values are left out. */
export type Query = Record<string, string | number | undefined>

/** One request, described: what {@link send} needs. */
export interface ApiRequest<S extends StandardSchemaV1> {
  /** The public name of the call, used in error messages (for example `approvals.decide`). */
  operation: string
  /** The path after `/api/v1/`, built with `path`. */
  path: string
  /** The response body's schema (an envelope). */
  schema: S
  query?: Query | undefined
  /** The JSON body of a POST. */
  json?: unknown
  /** Headers for this request: the client's own, or a copy with the call's added. */
  headers: Record<string, string> | Headers
  signal?: AbortSignal | undefined
  /** Overrides the client's `timeout` for this request. */
  timeout?: number | undefined
  /** Overrides the client's `maxRetries` for this request. */
  maxRetries?: number | undefined
}

/** A response that passed its schema, and how many retries it took. */
export type Sent<T> = WithResponse<T> & { retries: number }

// What one call's attempts saw, kept per call.
interface CallState {
  attempts: number
  /** The current attempt's response headers came and its body is being read. */
  readingBody: boolean
  last: { status: number; contentType: string | null }
  /** The current attempt's body, parsed once; `undefined` for a body that is not read (errors, 204). */
  parsed: { value: unknown } | undefined
}

/**
 * Thrown by an attempt whose 2xx body is not JSON (cut short, or replaced by a proxy): ky
 * retries it like a lost response (the Idempotency-Key makes a repeated POST safe).
 */
class NotJsonBody extends Error {
  override name = 'NotJsonBody'
}

const RETRY: RetryOptions = {
  // POSTs are retried too: each carries an Idempotency-Key that stays the same across its
  // retries, and decide reconciles a retry that meets "already decided".
  methods: ['get', 'post'],
  statusCodes: [408, 409, 429, 500, 502, 503, 504],
  afterStatusCodes: [429, 503],
  jitter: true,
  // Every wait between attempts is bounded, whatever a server's Retry-After says (a Unix time
  // sent by mistake would otherwise be a wait of decades, or, past 2^31 - 1 ms, no wait at all).
  backoffLimit: 8_000,
  maxRetryAfter: 60_000,
  retryOnTimeout: true,
  // "Already decided" is final; a 409 saying the same request is being processed is not.
  shouldRetry: ({ error }) => {
    if (error instanceof NotJsonBody) return true
    return isHTTPError(error) && error.response.status === 409 ? isIdempotencyLock(409, error.data) : undefined
  },
}

// The retry options for each retry count, built once: a call does not copy them.
const retryByLimit = new Map<number, RetryOptions>()
function retryWithLimit(limit: number): RetryOptions {
  let retry = retryByLimit.get(limit)
  if (retry === undefined) {
    retry = { ...RETRY, limit }
    retryByLimit.set(limit, retry)
  }
  return retry
}

// `?name=value&…` of the defined values, encoded as ky's `searchParams` encodes them; '' for none.
function queryString(query: Query | undefined): string {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(query ?? {})) if (value !== undefined) params.append(name, String(value))
  const text = params.toString()
  return text === '' ? '' : `?${text}`
}

// How many retries came before a failure, for decide's read-back: kept beside the error.
const retriesOf = new WeakMap<object, number>()

/** How many times the request that failed with `error` was retried first (0 when unknown). */
export function retriesBefore(error: unknown): number {
  return typeof error === 'object' && error !== null ? (retriesOf.get(error) ?? 0) : 0
}

/**
 * The one place requests are made: ky does the transport, retries and timeouts; this reads
 * and parses each 2xx body once inside ky's attempt (so an unparseable one is retried), checks
 * it with the schema and maps ky's outcomes to Signoff's errors. Errors are not yet redacted:
 * the caller blanks its secrets.
 */
export async function send<S extends StandardSchemaV1>(
  options: ResolvedOptions,
  method: 'get' | 'post',
  request: ApiRequest<S>,
): Promise<Sent<StandardSchemaV1.InferOutput<S>>> {
  const state: CallState = { attempts: 0, readingBody: false, last: { status: 0, contentType: null }, parsed: undefined }
  const userFetch = options.fetch

  // Each attempt reads and parses a 2xx body before ky sees the response, so the body is
  // parsed exactly once and a body that is not JSON is retried by ky like a lost response.
  // ky's attempt timeout and the caller's signal span this whole function. ky's abort reaches
  // fetch only until the headers come; after them it ends the wait for the body instead
  // (aborting a request in the middle of its body trips undici under MSW's interception).
  const attempt = async (input: Request | URL | string, init?: RequestInit): Promise<Response> => {
    const number = (state.attempts += 1)
    // An attempt ky gave up on (its timeout) may still be reading: it must not touch the state.
    const current = () => state.attempts === number
    state.parsed = undefined
    state.readingBody = false
    const kySignal = input instanceof Request ? input.signal : undefined
    const headersOnly = new AbortController()
    const abortFetch = () => headersOnly.abort(kySignal?.reason)
    kySignal?.addEventListener('abort', abortFetch, { once: true })
    let response: Response
    try {
      const headersOnlyInit = { ...init, signal: headersOnly.signal }
      response = await (userFetch === undefined ? globalThis.fetch(input, headersOnlyInit) : userFetch(input, headersOnlyInit))
    } finally {
      kySignal?.removeEventListener('abort', abortFetch)
    }
    if (current()) state.last = seen(response)
    if (!response.ok || response.status === 204) return response
    if (current()) state.readingBody = true
    // ky's attempt timeout (which also applies totalTimeout) rejects the call by itself, body
    // or not; only the caller's signal needs the wait for the body ended here, so without one
    // no listener is added.
    const text = await readBody(response, request.signal === undefined ? undefined : kySignal)
    // Cut short because ky aborted: the caller's signal (or ky's timeout, which has already
    // rejected the call) ends it.
    if (text === undefined) throw kySignal?.reason
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch (error) {
      throw new NotJsonBody('the body is not valid JSON', { cause: error })
    }
    if (current()) {
      state.parsed = { value }
      state.readingBody = false
    }
    return response
  }

  const kyOptions: KyOptions = {
    method,
    headers: request.headers,
    timeout: request.timeout ?? options.timeout,
    totalTimeout: options.totalTimeout,
    retry: retryWithLimit(request.maxRetries ?? options.maxRetries),
    fetch: attempt,
    ...(request.json === undefined ? {} : { json: request.json }),
    ...(request.signal === undefined ? {} : { signal: request.signal }),
  }

  let response: Response | undefined
  try {
    // The whole URL, query included, rather than ky's `baseUrl` and `searchParams`: with those
    // ky builds a throwaway Request to resolve against, then the Request a second time with
    // the query (about a fifth of ky's own time per call). Every path is built from encoded
    // segments, so joining the strings reaches the same URL. Paths go under `/api/v1/`, keeping
    // any path a proxy's baseUrl has.
    const url = `${options.baseUrl}/api/v1/${request.path.replace(/^\//, '')}${queryString(request.query)}`
    response = await ky(url, kyOptions)
    // Taken out of the state at once. The state is reachable from ky's objects for this call
    // (through `attempt`), which under concurrency often live long enough to reach V8's old
    // generation; a parsed page they still pointed to would be kept by every young-generation
    // GC until the next full one and copied to the old generation too (counted: three times
    // the bytes promoted at concurrency 32, and twice the full GCs).
    const parsed = state.parsed
    state.parsed = undefined
    // The same Standard Schema check ky's `.json(schema)` makes, on the value parsed above.
    const result = await request.schema['~standard'].validate(parsed?.value)
    if (result.issues !== undefined) throw new SchemaValidationError(result.issues)
    const requestId = response.headers.get('x-request-id') ?? undefined
    return { data: result.value, response, requestId, retries: state.attempts - 1 }
  } catch (error) {
    const last = response === undefined ? state.last : seen(response)
    const mapped = toSignoffError(error, request.operation, last, state.readingBody, request.signal)
    if (typeof mapped === 'object' && mapped !== null) retriesOf.set(mapped, Math.max(0, state.attempts - 1))
    throw mapped
  }
}

/** Maps what ky throws to the error a user catches; the caller's abort passes through as it is. */
function toSignoffError(
  error: unknown,
  operation: string,
  last: CallState['last'],
  readingBody: boolean,
  signal: AbortSignal | undefined,
): unknown {
  if (signal?.aborted === true && error === signal.reason) return error
  const cause = error instanceof Error ? { cause: error } : {}
  if (isHTTPError(error)) {
    return ApiError.from({ status: error.response.status, body: error.data, headers: error.response.headers, method: operation })
  }
  if (error instanceof SchemaValidationError) return new ResponseValidationError(operation, last.status, error.issues)
  if (error instanceof NotJsonBody) {
    const issue = { message: `the body is not valid JSON (${last.contentType ?? 'no content type'})` }
    return new ResponseValidationError(operation, last.status, [issue], { notJson: true, ...cause })
  }
  // The attempt's timeout ran out once the headers had come: the body is what stalled.
  if (isTimeoutError(error) && readingBody) {
    return new TimeoutError(`${operation}: the response body did not arrive in time`, cause)
  }
  if (isTimeoutError(error)) return new TimeoutError(`${operation}: no response in time`, cause)
  if (isNetworkError(error)) {
    const reason = error.cause instanceof Error ? `: ${error.cause.message}` : ''
    return new ConnectionError(`${operation}: the connection failed${reason}`, error.cause instanceof Error ? { cause: error.cause } : cause)
  }
  if (isAbort(error)) return error
  // Whatever else a custom fetch threw: still a typed error.
  const reason = error instanceof Error ? `: ${error.message}` : ''
  return new ConnectionError(`${operation}: the request failed${reason}`, cause)
}

/** Whether an error is an abort (the caller's signal, or one it passed through). */
export function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError'
}

/** What an error about a response says of it. */
function seen(response: Response): CallState['last'] {
  return { status: response.status, contentType: response.headers.get('content-type') }
}
