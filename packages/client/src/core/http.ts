import type { StandardSchemaV1 } from '@standard-schema/spec'
import ky, { type KyInstance, isForceRetryError, isHTTPError, isNetworkError, isTimeoutError, SchemaValidationError } from 'ky'
import { readErrorBody } from '@signoff/schemas'
import { ApiError } from './errors/api-error.js'
import { ConnectionError, TimeoutError } from './errors/connection-error.js'
import { ResponseValidationError } from './errors/response-validation-error.js'
import type { ResolvedOptions } from './options.js'

/** One API call, described. */
export interface CallSpec<S extends StandardSchemaV1> {
  /** The public method name, used in error messages (for example `approvals.decide`). */
  operation: string
  /** HTTP method. */
  method: 'get' | 'post'
  /** The path after `/api/v1`, built with {@link path}. */
  path: string
  /** The response body's schema (an envelope). */
  schema: S
  /** Query parameters; `undefined` values are left out. */
  searchParams?: Record<string, string | number | undefined>
  /** The JSON body. */
  json?: unknown
  /** Cancels the call, retries included. */
  signal?: AbortSignal | undefined
  /** The POST's idempotency key; a random one when not given. */
  idempotencyKey?: string | undefined
  /** Counts the call's retries, for callers that must know whether an attempt was repeated. */
  attempts?: { retries: number } | undefined
}

/** A parsed response, with what the transport saw. */
export interface CallResult<T> {
  /** The validated body. */
  body: T
  /** The raw response (its body already read). */
  response: Response
  /** How many times the request was retried before this response. */
  retries: number
}

// Retries are counted per call through ky's hook context, so `decide` can tell a retry that
// met "already decided" (its own earlier attempt landed) from a real conflict.
// The last status seen is kept too: when every attempt's body was unparseable, ky ends with
// its own retry error and no response, and the error should still say what status came back.
interface CallContext extends Record<string, unknown> {
  attempts: { retries: number }
  last: { status: number; contentType: string | null }
}

/**
 * The one place requests are made: ky does the transport, retries, timeouts and schema
 * validation; this maps its outcomes to Signoff's errors.
 */
export class Http {
  readonly #ky: KyInstance
  // Bodies already parsed by the afterResponse check, so ky's `.json()` does not parse twice.
  readonly #parsed = new WeakMap<Request, { text: string; value: unknown }>()

  constructor(options: ResolvedOptions) {
    const parsed = this.#parsed
    this.#ky = ky.create({
      // Relative paths resolve under `/api/v1/`, keeping any path a proxy's baseUrl has.
      baseUrl: `${options.baseUrl.replace(/\/+$/, '')}/api/v1/`,
      timeout: options.timeout,
      totalTimeout: options.totalTimeout,
      headers: options.headers,
      ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
      retry: {
        limit: options.maxRetries,
        // POSTs are retried too: each carries an Idempotency-Key that stays the same across
        // its retries, and decide reconciles a retry that meets "already decided".
        methods: ['get', 'post'],
        statusCodes: [408, 409, 429, 500, 502, 503, 504],
        afterStatusCodes: [429, 503],
        jitter: true,
        backoffLimit: 8_000,
        maxRetryAfter: 60_000,
        retryOnTimeout: true,
        // A 409 is retried only when it says the same request is still being processed (an
        // idempotency lock); "already decided" is final.
        shouldRetry: ({ error }) =>
          isHTTPError(error) && error.response.status === 409
            ? /in_progress|lock/i.test(readErrorBody(error.data)?.code ?? '')
            : undefined,
      },
      parseJson: (text, { request }) => {
        const cached = parsed.get(request)
        return cached?.text === text ? cached.value : JSON.parse(text)
      },
      hooks: {
        afterResponse: [
          // A 2xx whose body is not JSON (cut short, or replaced by a proxy) is retried like a
          // lost response: the Idempotency-Key makes a repeated POST safe.
          async ({ request, response, options: normalized }) => {
            const context = normalized.context as Partial<CallContext>
            if (context.last) Object.assign(context.last, seen(response))
            if (!response.ok || response.status === 204) return
            const text = await response.text()
            try {
              parsed.set(request, { text, value: JSON.parse(text) })
            } catch {
              return ky.retry({ code: 'UNPARSEABLE_BODY' })
            }
          },
        ],
        beforeRetry: [
          ({ options: normalized }) => {
            const context = normalized.context as Partial<CallContext>
            if (context.attempts) context.attempts.retries += 1
          },
        ],
      },
    })
  }

  /** Sends one call and returns its validated body, or throws a Signoff error. */
  async call<S extends StandardSchemaV1>(spec: CallSpec<S>): Promise<CallResult<StandardSchemaV1.InferOutput<S>>> {
    const context: CallContext = { attempts: spec.attempts ?? { retries: 0 }, last: { status: 0, contentType: null } }
    const headers: Record<string, string> = {}
    if (spec.method === 'post') headers['idempotency-key'] = spec.idempotencyKey ?? crypto.randomUUID()
    let response: Response | undefined
    try {
      const pending = this.#ky(spec.path.replace(/^\//, ''), {
        method: spec.method,
        headers,
        context,
        ...(spec.json === undefined ? {} : { json: spec.json }),
        ...(spec.searchParams === undefined ? {} : { searchParams: spec.searchParams }),
        ...(spec.signal === undefined ? {} : { signal: spec.signal }),
      })
      response = await pending
      const body = await pending.json(spec.schema)
      return { body, response, retries: context.attempts.retries }
    } catch (error) {
      const last = response === undefined ? context.last : seen(response)
      throw toSignoffError(error, spec.operation, last)
    }
  }
}

/** What an error about a response says of it. */
function seen(response: Response): CallContext['last'] {
  return { status: response.status, contentType: response.headers.get('content-type') }
}

/** Maps what ky throws to the error a user catches; anything else (an abort) passes through. */
function toSignoffError(error: unknown, operation: string, last: CallContext['last']): unknown {
  if (isHTTPError(error)) {
    return ApiError.from({
      status: error.response.status,
      body: error.data,
      headers: error.response.headers,
      method: operation,
    })
  }
  if (error instanceof SchemaValidationError) {
    return new ResponseValidationError(operation, last.status, error.issues)
  }
  if (error instanceof SyntaxError || (isForceRetryError(error) && error.code === 'UNPARSEABLE_BODY')) {
    return new ResponseValidationError(operation, last.status, [
      { message: `the body is not valid JSON (${last.contentType ?? 'no content type'})` },
    ], { notJson: true })
  }
  if (isTimeoutError(error)) return new TimeoutError(`${operation}: no response in time`)
  if (isNetworkError(error)) {
    const reason = error.cause instanceof Error ? `: ${error.cause.message}` : ''
    return new ConnectionError(`${operation}: the connection failed${reason}`)
  }
  return error
}
