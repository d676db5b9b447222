/**
 * Anything that reads a header by name: `Headers`, and the look-alikes that are not
 * `instanceof Headers` (MSW's polyfill, a `Headers` from another realm such as an iframe).
 */
export interface HeaderReader {
  /** The header's value, or `null` / `undefined` when it is absent. */
  get(name: string): string | null | undefined
}

/**
 * Webhook headers: anything with a `get` method (such as `Headers`), or a plain record as
 * Node and most frameworks give them, with keys in any case.
 */
export type WebhookHeaders = HeaderReader | Record<string, string | string[] | undefined>

/** Reads one header by name, whatever the case of the record's keys. */
export function readHeader(headers: WebhookHeaders, name: string): string | undefined {
  // Decided by shape, not by `instanceof`, which fails across realms and for polyfills. A
  // record whose key is "get" holds a string there, never a function, so it is not mistaken.
  if (isHeaderReader(headers)) return headers.get(name) ?? undefined
  const wanted = name.toLowerCase()
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue
    return Array.isArray(value) ? value.join(' ') : value
  }
  return undefined
}

function isHeaderReader(headers: WebhookHeaders): headers is HeaderReader {
  return typeof headers.get === 'function'
}
