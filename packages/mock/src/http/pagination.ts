import type { Quirks, MockFailure } from './dialect.js'

/** A page request, checked. */
export interface PageRequest {
  page: number
  limit: number
}

const DEFAULT_LIMIT = 20

/**
 * Reads `page` and `limit` from a query. A value that is not a positive integer is a 400; a
 * limit over 100 is a 400 in the standard dialect and silently reset to 20 by the emulator.
 */
export function readPageRequest(query: URLSearchParams, quirks: Quirks): PageRequest | MockFailure {
  const page = readPositiveInt(query.get('page'), 1)
  const limit = readPositiveInt(query.get('limit'), DEFAULT_LIMIT)
  if (page === undefined) return invalid('page must be a positive integer')
  if (limit === undefined) return invalid('limit must be a positive integer')
  if (limit > 100) return quirks === 'emulator' ? { page, limit: DEFAULT_LIMIT } : invalid('limit must be at most 100')
  return { page, limit }
}

/**
 * Cuts one page out of a list and describes it in the dialect's meta spelling. Only the page's
 * items are turned into response objects, so a page costs the same however long the list.
 */
export function paginate<T, Wire>(items: readonly T[], request: PageRequest, quirks: Quirks, toWire: (item: T) => Wire) {
  const start = (request.page - 1) * request.limit
  const totalPages = Math.ceil(items.length / request.limit)
  const meta = { total: items.length, page: request.page, limit: request.limit }
  return {
    data: items.slice(start, start + request.limit).map(toWire),
    meta: quirks === 'emulator' ? { ...meta, total_pages: totalPages } : { ...meta, pages: totalPages },
  }
}

function readPositiveInt(value: string | null, fallback: number): number | undefined {
  if (value === null) return fallback
  const number = Number(value)
  return /^\d+$/.test(value) && number >= 1 ? number : undefined
}

function invalid(message: string): MockFailure {
  return { status: 400, code: 'validation_error', message }
}
