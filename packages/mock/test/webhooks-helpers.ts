// Shared by the webhook tests: a receiver double, and API calls that make the mock fire events.
import type { MockApi } from '../src/index.js'
import { checkWebhookDelivery, conformingFetch } from '../../schemas/openapi/conformance.js'

export const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
export const OTHER_SECRET = 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD'

/** One request as a receiver saw it. */
export interface Received {
  url: string
  body: string
  headers: Record<string, string>
}

/**
 * A `webhookFetch` that records each request and answers with the status `answer` picks
 * (200 unless told otherwise), or throws when it returns an Error.
 */
export function recordingFetch(answer: (received: Received, index: number) => number | Error = () => 200) {
  const received: Received[] = []
  const fetch = async (request: Request): Promise<Response> => {
    const entry = { url: request.url, body: await request.text(), headers: Object.fromEntries(request.headers) }
    received.push(entry)
    checkWebhookDelivery(entry.headers, entry.body)
    const outcome = answer(entry, received.length - 1)
    if (outcome instanceof Error) throw outcome
    return new Response(null, { status: outcome })
  }
  return { fetch, received }
}

async function call(mock: MockApi, method: string, path: string, body?: unknown): Promise<Response> {
  const headers = { 'content-type': 'application/json', 'x-api-key': mock.store.defaults.apiKey }
  const init = { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }
  return conformingFetch(mock.fetch)(new Request(`https://api.promptrails.ai/api/v1${path}`, init))
}

/** Runs a gated agent once (firing `execution.awaiting_approval`); returns the approval's id. */
export async function runGated(mock: MockApi, config: Record<string, unknown> = {}): Promise<string> {
  const agent = mock.store.createAgent({ name: 'Gated', config: { approval_required: true, checkpoint_name: 'review', ...config } })
  const response = await call(mock, 'POST', `/agents/${agent.id}/execute`, { input: { message: 'hi' } })
  const { data } = (await response.json()) as { data: { id: string } }
  const [approval] = mock.store.listApprovals({ execution_id: data.id })
  if (approval === undefined) throw new Error('the gated run opened no approval')
  return approval.id
}

/** Decides an approval through the API (firing `approval.decided`). */
export async function decide(mock: MockApi, approvalId: string, decision: 'approved' | 'rejected' = 'approved'): Promise<void> {
  const response = await call(mock, 'POST', `/approvals/${approvalId}/decide`, { decision })
  if (!response.ok) throw new Error(`decide answered ${response.status}`)
}

/** A clock a test moves by hand, starting now so real verifiers accept its timestamps. */
export function manualClock() {
  let now = Date.now()
  return {
    clock: () => new Date(now),
    advance(ms: number) {
      now += ms
    },
  }
}
