import type { StandardSchemaV1 } from '@standard-schema/spec'
import type { ListMeta, Page } from '@signoff/schemas'
import { ApiPromise, type WithResponse } from './api-promise.js'
import { ListPromise } from './list-promise.js'
import type { RequestOptions } from './request-options.js'
import { retriesBefore, type Query, type Sent } from './send.js'
import { redact, request, type Transport } from './transport.js'
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

/** A GET or POST of one object, as an {@link ApiPromise}; a POST carries an `Idempotency-Key`. */
export function callOne<S extends DataSchema, T>(transport: Transport, method: 'get' | 'post', call: Call<S, T>): ApiPromise<T> {
  return new ApiPromise(runOne(transport, method, call))
}

/** A paged GET, as a {@link ListPromise}: await it for one page, iterate it for every item. */
export function callList<S extends PageSchema, T>(transport: Transport, call: ListCall<S, T>): ListPromise<T> {
  let query: Query | undefined
  const fetchPage = async (page: number): Promise<WithResponse<Page<T>>> => {
    try {
      // The filters are the same for every page: checked once, when the first is read.
      query ??= validateInput(call.operation, call.paramsSchema, call.params)
      const sent = await request(transport, 'get', { ...call, query: { ...query, page } }, call.options)
      const data = await settled(sent.data.data.map(call.accept))
      return { data: { data, meta: sent.data.meta }, response: sent.response, requestId: sent.requestId }
    } catch (error) {
      throw redact(transport, error)
    }
  }
  const params = call.params as { page?: unknown } | undefined
  const startPage = typeof params?.page === 'number' ? params.page : 1
  return new ListPromise(fetchPage, startPage, call.keyOf)
}

// Every error leaving here has its secrets blanked, wherever it was made (the request, the
// caller's accept, decide's read-back); only errors pay for it.
async function runOne<S extends DataSchema, T>(transport: Transport, method: 'get' | 'post', call: Call<S, T>): Promise<WithResponse<T>> {
  let sent: Sent<StandardSchemaV1.InferOutput<S>>
  try {
    sent = await request(transport, method, call, call.options)
  } catch (error) {
    if (call.recover === undefined) throw error
    try {
      return await call.recover(error, retriesBefore(error))
    } catch (recoverError) {
      throw redact(transport, recoverError)
    }
  }
  try {
    return { data: await call.accept(sent.data.data), response: sent.response, requestId: sent.requestId }
  } catch (error) {
    throw redact(transport, error)
  }
}

// Items accepted one by one: awaited together only when some check was asynchronous (a
// payload schema), so a page without one costs no promise per item.
function settled<T>(values: (T | Promise<T>)[]): T[] | Promise<T[]> {
  return values.some((value) => value instanceof Promise) ? Promise.all(values) : (values as T[])
}
