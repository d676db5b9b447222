import { signatureHeader } from './signing.js'

/** What one attempt needs: the message, its keys, and how to send it. */
export interface AttemptRequest {
  url: string
  id: string
  body: string
  keys: readonly CryptoKey[]
  /** Unix seconds, from the mock's clock: each attempt is signed afresh, as senders do. */
  timestamp: number
  timeoutMs: number
  fetch: (request: Request) => Promise<Response>
}

/** An attempt's outcome: the status it got, or why there was none. */
export type AttemptOutcome = { status: number } | { error: string }

/**
 * POSTs one signed message and reports what happened. Never throws: a refused connection or a
 * timeout is an outcome like any status, and the caller decides whether to retry.
 */
export async function sendAttempt(attempt: AttemptRequest): Promise<AttemptOutcome> {
  const signal = AbortSignal.timeout(attempt.timeoutMs)
  try {
    const request = new Request(attempt.url, {
      method: 'POST',
      body: attempt.body,
      signal,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'signoff-mock-webhooks',
        'webhook-id': attempt.id,
        'webhook-timestamp': String(attempt.timestamp),
        'webhook-signature': await signatureHeader(attempt.keys, attempt.id, attempt.timestamp, attempt.body),
      },
    })
    const response = await attempt.fetch(request)
    // Read the answer to its end so the connection can be reused; its content does not matter.
    await response.arrayBuffer().catch(() => undefined)
    return { status: response.status }
  } catch (error) {
    if (signal.aborted) return { error: `timeout after ${attempt.timeoutMs} ms` }
    return { error: describe(error) }
  }
}

// Node's fetch says only "fetch failed" and keeps the useful part (ECONNREFUSED …) in `cause`.
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const cause: unknown = error.cause
  const detail = cause instanceof Error ? cause.message : typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : ''
  return detail.length > 0 && detail !== error.message ? `${error.message}: ${detail}` : error.message
}
