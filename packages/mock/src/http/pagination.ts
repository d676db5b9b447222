import type { ListSlice, ListWindow } from '../domain/query.js'
import type { Dialect } from './dialect.js'
import { invalid } from './failure.js'

/** A page request, checked. */
export interface PageRequest {
  page: number
  limit: number
}

const DEFAULT_LIMIT = 20
const MAX_LIMIT = 100

/**
 * Reads `page` and `limit` from a query. In the strict dialects a value that is not a positive
 * integer (or past 2^53) is a 400, and so is a limit over 100 (the contract: "limit is at most
 * 100"). The emulator falls back to page 1 and 20 for the one, and resets the other to 20.
 */
export function readPageRequest(query: URLSearchParams, dialect: Dialect): PageRequest {
  const page = readPositiveInt(query.get('page'), 1)
  const limit = readPositiveInt(query.get('limit'), DEFAULT_LIMIT)
  if (dialect.strictPaging) {
    if (page === undefined) throw invalid('page must be a positive integer')
    if (limit === undefined) throw invalid('limit must be a positive integer')
    if (limit > MAX_LIMIT) throw invalid(`limit must be at most ${MAX_LIMIT}`)
  }
  const checkedLimit = limit ?? DEFAULT_LIMIT
  return { page: page ?? 1, limit: checkedLimit > MAX_LIMIT ? DEFAULT_LIMIT : checkedLimit }
}

/** The part of a list a page request covers. */
export function pageWindow(request: PageRequest): ListWindow {
  return { offset: (request.page - 1) * request.limit, limit: request.limit }
}

/** A list answer: the page's items and its meta in the dialect's spelling. */
export function listBody<T, Wire>(slice: ListSlice<T>, request: PageRequest, dialect: Dialect, toWire: (item: T) => Wire) {
  return {
    data: slice.items.map(toWire),
    meta: { total: slice.total, page: request.page, limit: request.limit, [dialect.pagesKey]: Math.ceil(slice.total / request.limit) },
  }
}

function readPositiveInt(value: string | null, fallback: number): number | undefined {
  if (value === null) return fallback
  if (!/^\d{1,16}$/.test(value)) return undefined
  const number = Number(value)
  return Number.isSafeInteger(number) && number >= 1 ? number : undefined
}

/** The filters of a list present in its query, by name. */
export function readFilters<Field extends string>(query: URLSearchParams, fields: readonly Field[]): Partial<Record<Field, string>> {
  const filters: Partial<Record<Field, string>> = {}
  for (const field of fields) {
    const value = query.get(field)
    if (value !== null) filters[field] = value
  }
  return filters
}
