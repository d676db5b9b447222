import type { MockServer } from '../../src/node.js'

/** An answer as the official SDKs read it: the status and the parsed body (`{}` when empty). */
export interface SdkAnswer {
  status: number
  headers: Headers
  body: Record<string, unknown>
}

/**
 * Sends a request the way the official PromptRails JS SDK (0.2.1) does: `X-API-Key`, `Accept`
 * and `Content-Type: application/json` on every request, GETs included; no `Idempotency-Key`;
 * a JSON body for every method but GET.
 */
export async function sdkRequest(
  server: MockServer,
  method: string,
  path: string,
  options: { body?: Record<string, unknown>; key?: string } = {},
): Promise<SdkAnswer> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      'X-API-Key': options.key ?? server.mock.store.defaults.apiKey,
      'Content-Type': 'application/json',
      Accept: 'application/json',
      'User-Agent': 'promptrails-js/0.2.1',
    },
    ...(options.body !== undefined && method !== 'GET' ? { body: JSON.stringify(options.body) } : {}),
  })
  const text = await response.text()
  return { status: response.status, headers: response.headers, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) }
}

/** A KSUID as the docs show ids: 27 characters of `[0-9A-Za-z]`, no prefix. */
export const KSUID = /^[0-9A-Za-z]{27}$/
