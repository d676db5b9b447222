import type { StandardSchemaV1 } from '@standard-schema/spec'
import type { ListMeta } from '@signoff/schemas'
import ky, {
  type Options as KyOptions,
  type RetryOptions,
  isForceRetryError,
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
import { readBodyWithin } from './read-body.js'
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

// What one call's hooks saw, kept per call in the hooks' closure.
interface CallState {
  retries: number
  attemptStartedAt: number
  last: { status: number; contentType: string | null }
  parsed: { text: string; value: unknown } | undefined
}

const UNPARSEABLE_BODY = 'UNPARSEABLE_BODY'
const BODY_TIMEOUT = 'BODY_TIMEOUT'

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
  shouldRetry: ({ error }) =>
    isHTTPError(error) && error.response.status === 409 ? isIdempotencyLock(409, error.data) : undefined,
}

/**
 * The one place requests are made: ky does the transport, retries, timeouts and schema
 * validation; this adds the per-call hooks, maps ky's outcomes to Signoff's errors, and blanks
 * every secret from them.
 */
export class Http {
  readonly #options: ResolvedOptions
  readonly #redactor: Redactor
  readonly #base: string

  constructor(options: ResolvedOptions) {
    this.#options = options
    this.#redactor = new Redactor(options.secrets)
    // Relative paths resolve under `/api/v1/`, keeping any path a proxy's baseUrl has.
    this.#base = `${options.baseUrl}/api/v1/`
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
    const fetchPage = async (page: number) => {
      const query = validateInput(call.operation, call.paramsSchema, call.params)
      const sent = await this.#guard(this.#send('get', { ...call, query: { ...query, page } }))
      const items = sent.data.data.map(async (item, index) => call.accept(item, index))
      const data: T[] = await this.#guard(Promise.all(items))
      return { ...sent, data: { data, meta: sent.data.meta } }
    }
    const params = call.params as { page?: unknown } | undefined
    const startPage = typeof params?.page === 'number' ? params.page : 1
    return new ListPromise(fetchPage, startPage, call.keyOf)
  }

  async #run<S extends DataSchema, T>(method: 'get' | 'post', call: Call<S, T>): Promise<WithResponse<T>> {
    let sent: Sent<StandardSchemaV1.InferOutput<S>>
    try {
      sent = await this.#guard(this.#send(method, call))
    } catch (error) {
      if (call.recover === undefined) throw error
      const retries = typeof error === 'object' && error !== null ? (retriesOf.get(error) ?? 0) : 0
      return this.#guard(call.recover(error, retries))
    }
    const data = await this.#guard(Promise.resolve(call.accept(sent.data.data)))
    return { data, response: sent.response, requestId: sent.requestId }
  }

  // Every error leaving the transport has its secrets blanked, wherever it was made.
  async #guard<T>(pending: Promise<T>): Promise<T> {
    try {
      return await pending
    } catch (error) {
      throw error instanceof Error && !isAbort(error) ? this.#redactor.scrub(error) : error
    }
  }

  async #send<S extends StandardSchemaV1>(
    method: 'get' | 'post',
    call: { operation: string; path: string; schema: S; options: RequestOptions; query?: Query; json?: unknown },
  ): Promise<Sent<StandardSchemaV1.InferOutput<S>>> {
    const { operation, options } = call
    checkRequestOptions(operation, options)
    const timeout = options.timeout ?? this.#options.timeout
    const state: CallState = { retries: 0, attemptStartedAt: Date.now(), last: { status: 0, contentType: null }, parsed: undefined }
    const headers = new Headers(this.#options.headers)
    for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value)
    if (method === 'post') headers.set('idempotency-key', options.idempotencyKey ?? crypto.randomUUID())

    const kyOptions: KyOptions = {
      baseUrl: this.#base,
      method,
      headers,
      timeout,
      totalTimeout: this.#options.totalTimeout,
      retry: { ...RETRY, limit: options.maxRetries ?? this.#options.maxRetries },
      // The hook below has parsed the body already: hand ky that value instead of parsing again.
      parseJson: (text) => (state.parsed?.text === text ? state.parsed.value : JSON.parse(text)),
      hooks: {
        beforeRequest: [() => void (state.attemptStartedAt = Date.now())],
        beforeRetry: [({ retryCount }) => {
          state.retries = retryCount
          state.attemptStartedAt = Date.now()
        }],
        afterResponse: [async ({ response }) => {
          state.last = seen(response)
          state.parsed = undefined
          if (!response.ok || response.status === 204) return undefined
          // The attempt's timeout covers the body too: a body that stalls is retried like a
          // response that never came.
          const text = await readBodyWithin(response, timeout - (Date.now() - state.attemptStartedAt))
          if (text === undefined) return ky.retry({ code: BODY_TIMEOUT })
          try {
            state.parsed = { text, value: JSON.parse(text) }
          } catch {
            // A 2xx whose body is not JSON (cut short, or replaced by a proxy) is retried like a
            // lost response: the Idempotency-Key makes a repeated POST safe.
            return ky.retry({ code: UNPARSEABLE_BODY })
          }
          return undefined
        }],
      },
      ...(this.#options.fetch === undefined ? {} : { fetch: this.#options.fetch }),
      ...(call.json === undefined ? {} : { json: call.json }),
      ...(call.query === undefined ? {} : { searchParams: call.query }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    }

    let response: Response | undefined
    try {
      const pending = ky(call.path.replace(/^\//, ''), kyOptions)
      response = await pending
      const data = await pending.json(call.schema)
      return { data, response, requestId: response.headers.get('x-request-id') ?? undefined, retries: state.retries }
    } catch (error) {
      const last = response === undefined ? state.last : seen(response)
      const mapped = this.#toSignoffError(error, operation, last, options.signal)
      if (typeof mapped === 'object' && mapped !== null) retriesOf.set(mapped, state.retries)
      throw mapped
    }
  }

  /** Maps what ky throws to the error a user catches; the caller's abort passes through as it is. */
  #toSignoffError(error: unknown, operation: string, last: CallState['last'], signal: AbortSignal | undefined): unknown {
    if (signal?.aborted === true && error === signal.reason) return error
    const cause = error instanceof Error ? { cause: this.#redactor.error(error) } : {}
    if (isHTTPError(error)) {
      return ApiError.from({ status: error.response.status, body: error.data, headers: error.response.headers, method: operation })
    }
    if (error instanceof SchemaValidationError) return new ResponseValidationError(operation, last.status, error.issues)
    if (error instanceof SyntaxError || (isForceRetryError(error) && error.code === UNPARSEABLE_BODY)) {
      const issue = { message: `the body is not valid JSON (${last.contentType ?? 'no content type'})` }
      return new ResponseValidationError(operation, last.status, [issue], { notJson: true, ...cause })
    }
    if (isForceRetryError(error) && error.code === BODY_TIMEOUT) {
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

// How many retries came before a failure, for `recover`: kept beside the error, not on it.
const retriesOf = new WeakMap<object, number>()

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError'
}

/** What an error about a response says of it. */
function seen(response: Response): CallState['last'] {
  return { status: response.status, contentType: response.headers.get('content-type') }
}
