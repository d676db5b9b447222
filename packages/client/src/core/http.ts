import type { StandardSchemaV1 } from '@standard-schema/spec'
import type { ListMeta, Page } from '@signoff/schemas'
import { ApiPromise, type WithResponse } from './api-promise.js'
import { ListPromise } from './list-promise.js'
import type { ResolvedOptions } from './options.js'
import { Redactor } from './redact.js'
import { isAbort, retriesBefore, send, type Query, type Sent } from './send.js'
import { checkRequestOptions, type RequestOptions } from './request-options.js'
import { validateInput } from './validate-input.js'

/** A schema of a `{ data: … }` response. */
export type DataSchema = StandardSchemaV1<unknown, { data: unknown }>
/** A schema of a `{ data: [...], meta }` response. */
export type PageSchema = StandardSchemaV1<unknown, { data: unknown[]; meta: ListMeta }>
type DataOf<S extends DataSchema> = StandardSchemaV1.InferOutput<S>['data']

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

/**
 * The resource classes' transport: checks each call's options, sends through {@link send},
 * shapes results (one object, or pages to walk) and blanks every secret from every error.
 */
export class Http {
  readonly #options: ResolvedOptions
  readonly #redactor: Redactor

  constructor(options: ResolvedOptions) {
    this.#options = options
    this.#redactor = new Redactor(options.secrets)
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
    const fetchPage = async (page: number): Promise<WithResponse<Page<T>>> => {
      try {
        const query = validateInput(call.operation, call.paramsSchema, call.params)
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
      const retries = retriesBefore(error)
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
    const { options } = call
    checkRequestOptions(call.operation, options)
    return send(this.#options, method, {
      ...call,
      headers: this.#headers(method, options),
      signal: options.signal,
      timeout: options.timeout,
      maxRetries: options.maxRetries,
    })
  }

  // The client's headers as they are when the call adds none (the common case), else a copy.
  #headers(method: 'get' | 'post', options: RequestOptions): Record<string, string> | Headers {
    if (method === 'get' && options.headers === undefined) return this.#options.headers
    const headers = new Headers(this.#options.headers)
    for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value)
    if (method === 'post') headers.set('idempotency-key', options.idempotencyKey ?? crypto.randomUUID())
    return headers
  }
}

// Items accepted one by one: awaited together only when some check was asynchronous (a
// payload schema), so a page without one costs no promise per item.
function settled<T>(values: (T | Promise<T>)[]): T[] | Promise<T[]> {
  return values.some((value) => value instanceof Promise) ? Promise.all(values) : (values as T[])
}
