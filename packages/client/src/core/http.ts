import type { StandardSchemaV1 } from '@standard-schema/spec'
import type { ListMeta, Page } from '@signoff/schemas'
import ky, {
  type Options as KyOptions,
  type RetryOptions,
  isHTTPError,
  isNetworkError,
  isTimeoutError,
  SchemaValidationError,
} from 'ky'
import { isIdempotencyLock } from './already-decided.js'
import { ApiPromise, type WithResponse } from './api-promise.js'
import { ApiError } from './errors/api-error.js'
import { ConnectionError, TimeoutError } from './errors/connection-error.js'
import { ResponseValidationError } from './errors/response-validation-error.js'
import { ListPromise } from './list-promise.js'
import type { ResolvedOptions } from './options.js'
import { readBody } from './read-body.js'
import { Redactor } from './redact.js'
import { checkRequestOptions, type RequestOptions } from './request-options.js'
import { validateInput } from './validate-input.js'

/** A schema of a `{ data: … }` response. */
export type DataSchema = StandardSchemaV1<unknown, { data: unknown }>
/** A schema of a `{ data: [...], meta }` response. */
export type PageSchema = StandardSchemaV1<unknown, { data: unknown[]; meta: ListMeta }>
type DataOf<S extends DataSchema> = StandardSchemaV1.InferOutput<S>['data']
type Query = Record<string, string | number | undefined>

/** One API call, described. */
export interface Call<S extends DataSchema, T> {
  /** The public method name, used in error messages (for example `approvals.decide`). */
  operation: string
  /** The path after `/api/v1/`, built with {@link path}. */
  path: string
  /** The response body's schema (an envelope). */
  schema: S
  /** The call's options. */
  options: RequestOptions
  /** Query parameters; `undefined` values are left out. */
  query?: Query
  /** The JSON body of a POST. */
  json?: unknown
  /** Checks and shapes the envelope's `data` (the payload schema, the id asked for). */
  accept: (data: DataOf<S>) => T | Promise<T>
  /**
   * Turns a failure into a result, or into a better error (decide's read-back). Told how many
   * times the request was retried before it failed.
   */
  recover?: ((error: unknown, retries: number) => Promise<WithResponse<T>>) | undefined
}

/** A list call, described: each page is one request. */
export interface ListCall<S extends PageSchema, T> {
  operation: string
  path: string
  schema: S
  options: RequestOptions
  /** The caller's filters, validated by `paramsSchema` when the first page is read. */
  params: unknown
  paramsSchema: StandardSchemaV1<unknown, Query>
  /** Checks and shapes each item. */
  accept: (item: StandardSchemaV1.InferOutput<S>['data'][number], index: number) => Promise<T> | T
  /** Identifies an item, so a page that repeats is seen for what it is. */
  keyOf: (item: T) => string
}

type Sent<T> = WithResponse<T> & { retries: number }

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

/**
 * The one place requests are made: ky does the transport, retries and timeouts; this reads
 * and parses each 2xx body once inside ky's attempt (so an unparseable one is retried), checks
 * it with the call's schema, maps ky's outcomes to Signoff's errors, and blanks every secret
 * from them.
 */
export class Http {
  readonly #options: ResolvedOptions
  readonly #redactor: Redactor
  readonly #base: string
  readonly #retry: RetryOptions

  constructor(options: ResolvedOptions) {
    this.#options = options
    this.#redactor = new Redactor(options.secrets)
    // Paths go under `/api/v1/`, keeping any path a proxy's baseUrl has.
    this.#base = `${options.baseUrl}/api/v1/`
    this.#retry = { ...RETRY, limit: options.maxRetries }
  }

  /** A GET of one object. */
  get<S extends DataSchema, T>(call: Call<S, T>): ApiPromise<T> {
    return new ApiPromise(this.#run('get', call))
  }

  /** A POST that returns one object; it carries an `Idempotency-Key`. */
  post<S extends DataSchema, T>(call: Call<S, T>): ApiPromise<T> {
    return new ApiPromise(this.#run('post', call))
  }

  /** A paged GET: await it for one page, iterate it for every item. */
  list<S extends PageSchema, T>(call: ListCall<S, T>): ListPromise<T> {
    let query: Query | undefined
    const fetchPage = async (page: number): Promise<WithResponse<Page<T>>> => {
      try {
        // The filters are the same for every page: checked once, when the first is read.
        query ??= validateInput(call.operation, call.paramsSchema, call.params)
        const sent = await this.#send('get', { ...call, query: { ...query, page } })
        const data = await settled(sent.data.data.map(call.accept))
        return { data: { data, meta: sent.data.meta }, response: sent.response, requestId: sent.requestId }
      } catch (error) {
        throw this.#redacted(error)
      }
    }
    const params = call.params as { page?: unknown } | undefined
    const startPage = typeof params?.page === 'number' ? params.page : 1
    return new ListPromise(fetchPage, startPage, call.keyOf)
  }

  async #run<S extends DataSchema, T>(method: 'get' | 'post', call: Call<S, T>): Promise<WithResponse<T>> {
    let sent: Sent<StandardSchemaV1.InferOutput<S>>
    try {
      sent = await this.#send(method, call)
    } catch (error) {
      if (call.recover === undefined) throw this.#redacted(error)
      const retries = typeof error === 'object' && error !== null ? (retriesOf.get(error) ?? 0) : 0
      try {
        return await call.recover(this.#redacted(error), retries)
      } catch (recoverError) {
        throw this.#redacted(recoverError)
      }
    }
    try {
      return { data: await call.accept(sent.data.data), response: sent.response, requestId: sent.requestId }
    } catch (error) {
      throw this.#redacted(error)
    }
  }

  // Every error leaving the transport has its secrets blanked, wherever it was made; only
  // errors pay for it.
  #redacted(error: unknown): unknown {
    return error instanceof Error && !isAbort(error) ? this.#redactor.scrub(error) : error
  }

  async #send<S extends StandardSchemaV1>(
    method: 'get' | 'post',
    call: { operation: string; path: string; schema: S; options: RequestOptions; query?: Query; json?: unknown },
  ): Promise<Sent<StandardSchemaV1.InferOutput<S>>> {
    const { operation, options } = call
    checkRequestOptions(operation, options)
    const timeout = options.timeout ?? this.#options.timeout
    const state: CallState = { attempts: 0, readingBody: false, last: { status: 0, contentType: null }, parsed: undefined }
    const userFetch = this.#options.fetch

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
        const request = { ...init, signal: headersOnly.signal }
        response = await (userFetch === undefined ? globalThis.fetch(input, request) : userFetch(input, request))
      } finally {
        kySignal?.removeEventListener('abort', abortFetch)
      }
      if (current()) state.last = seen(response)
      if (!response.ok || response.status === 204) return response
      if (current()) state.readingBody = true
      // ky's attempt timeout (which also applies totalTimeout) rejects the call by itself, body
      // or not; only the caller's signal needs the wait for the body ended here, so without one
      // no listener is added.
      const text = await readBody(response, options.signal === undefined ? undefined : kySignal)
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
      headers: this.#headers(method, options),
      timeout,
      totalTimeout: this.#options.totalTimeout,
      retry: options.maxRetries === undefined ? this.#retry : { ...RETRY, limit: options.maxRetries },
      fetch: attempt,
      ...(call.json === undefined ? {} : { json: call.json }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    }

    let response: Response | undefined
    try {
      // The whole URL, query included, rather than ky's `baseUrl` and `searchParams`: with those
      // ky builds a throwaway Request to resolve against, then the Request a second time with
      // the query (about a fifth of ky's own time per call). Every path is built from encoded
      // segments, so joining the strings reaches the same URL.
      response = await ky(this.#base + call.path.replace(/^\//, '') + queryString(call.query), kyOptions)
      // Taken out of the state at once. The state is reachable from ky's objects for this call
      // (through `attempt`), which under concurrency often live long enough to reach V8's old
      // generation; a parsed page they still pointed to would be kept by every young-generation
      // GC until the next full one and copied to the old generation too (counted: three times
      // the bytes promoted at concurrency 32, and twice the full GCs).
      const parsed = state.parsed
      state.parsed = undefined
      // The same Standard Schema check ky's `.json(schema)` makes, on the value parsed above.
      const result = await call.schema['~standard'].validate(parsed?.value)
      if (result.issues !== undefined) throw new SchemaValidationError(result.issues)
      const requestId = response.headers.get('x-request-id') ?? undefined
      return { data: result.value, response, requestId, retries: state.attempts - 1 }
    } catch (error) {
      const last = response === undefined ? state.last : seen(response)
      const mapped = this.#toSignoffError(error, operation, last, state.readingBody, options.signal)
      if (typeof mapped === 'object' && mapped !== null) retriesOf.set(mapped, Math.max(0, state.attempts - 1))
      throw mapped
    }
  }

  // The client's headers as they are when the call adds none (the common case), else a copy.
  #headers(method: 'get' | 'post', options: RequestOptions): Record<string, string> | Headers {
    if (method === 'get' && options.headers === undefined) return this.#options.headers
    const headers = new Headers(this.#options.headers)
    for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value)
    if (method === 'post') headers.set('idempotency-key', options.idempotencyKey ?? crypto.randomUUID())
    return headers
  }

  /** Maps what ky throws to the error a user catches; the caller's abort passes through as it is. */
  #toSignoffError(
    error: unknown,
    operation: string,
    last: CallState['last'],
    readingBody: boolean,
    signal: AbortSignal | undefined,
  ): unknown {
    if (signal?.aborted === true && error === signal.reason) return error
    const cause = error instanceof Error ? { cause: this.#redactor.error(error) } : {}
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
      const origin = error.cause instanceof Error ? { cause: this.#redactor.error(error.cause) } : cause
      return new ConnectionError(`${operation}: the connection failed${reason}`, origin)
    }
    if (isAbort(error)) return error
    // Whatever else a custom fetch threw: still a typed error, and still without secrets.
    const reason = error instanceof Error ? `: ${error.message}` : ''
    return new ConnectionError(`${operation}: the request failed${reason}`, cause)
  }
}

// `?name=value&…` of the defined values, encoded as ky's `searchParams` encodes them; '' for none.
function queryString(query: Query | undefined): string {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(query ?? {})) if (value !== undefined) params.append(name, String(value))
  const text = params.toString()
  return text === '' ? '' : `?${text}`
}

// Items accepted one by one: awaited together only when some check was asynchronous (a
// payload schema), so a page without one costs no promise per item.
function settled<T>(values: (T | Promise<T>)[]): T[] | Promise<T[]> {
  return values.some((value) => value instanceof Promise) ? Promise.all(values) : (values as T[])
}

// How many retries came before a failure, for `recover`: kept beside the error, not on it.
const retriesOf = new WeakMap<object, number>()

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError'
}

/** What an error about a response says of it. */
function seen(response: Response): CallState['last'] {
  return { status: response.status, contentType: response.headers.get('content-type') }
}
