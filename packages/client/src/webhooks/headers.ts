/** Webhook headers as `Headers`, or a plain record as Node and most frameworks give them. */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>

/** Reads one header by name, whatever the case of the record's keys. */
export function readHeader(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof Headers !== 'undefined' && headers instanceof Headers) return headers.get(name) ?? undefined
  const wanted = name.toLowerCase()
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue
    return Array.isArray(value) ? value.join(' ') : value
  }
  return undefined
}
