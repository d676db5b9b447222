import * as z from 'zod/mini'
import { withAlias, type Known } from './primitives.js'
import { intInRange } from './refinements.js'

/**
 * Pagination of a list response. The newer API spells `total_pages` as `pages`; both parse,
 * and the parsed value always carries `total_pages`.
 */
export const ListMetaSchema = /* @__PURE__ */ (() => withAlias(
  'pages',
  'total_pages',
  z.looseObject({ total: z.number(), page: z.number(), limit: z.number(), total_pages: z.number() }),
))()

/** Pagination of a list response, as parsed. */
export type ListMeta = Known<z.output<typeof ListMetaSchema>>

/** Schema of a single-object response: `{ "data": … }` (a `message` may accompany it). */
export function dataEnvelope<T extends z.ZodMiniType>(item: T) {
  return z.looseObject({ data: item, message: z.optional(z.string()) })
}

/** Schema of a list response: `{ "data": [...], "meta": {...} }`. */
export function listEnvelope<T extends z.ZodMiniType>(item: T) {
  return z.looseObject({ data: z.array(item), meta: ListMetaSchema })
}

/** A page of a list: the items and the pagination metadata. */
export interface Page<T> {
  /** The items on this page (`[]` when empty). */
  data: T[]
  /** Where this page sits in the whole list. */
  meta: ListMeta
}

/** Parameters every list endpoint takes. */
export const PaginationParamsShape = /* @__PURE__ */ (() => ({
  /** Page number, starting at 1. */
  page: z.optional(intInRange(1, Number.MAX_SAFE_INTEGER, 'page must be an integer of at least 1')),
  /** Items per page, from 1 to 100. */
  limit: z.optional(
    intInRange(1, 100, 'limit must be an integer from 1 to 100', 'limit must be an integer from 1 to 100 (the API caps pages at 100)'),
  ),
}))()
