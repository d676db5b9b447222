import type { MockApiCore as MockApi } from '../src/index.js'
import { conformingFetch } from '../../schemas/openapi/conformance.js'

/** Where `createMockApi` answers in-process (any origin works; this one reads naturally). */
export const BASE = 'https://api.promptrails.ai/api/v1'

/** Sends one JSON request to the mock in-process, with the default key unless told otherwise. */
export function call(
  mock: MockApi,
  method: string,
  path: string,
  options: { body?: unknown; key?: string | null; headers?: Record<string, string> } = {},
): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers }
  const key = options.key === undefined ? mock.store.defaults.apiKey : options.key
  if (key !== null) headers['x-api-key'] = key
  const body = options.body === undefined ? {} : { body: JSON.stringify(options.body) }
  return conformingFetch(mock.fetch, { requests: false })(new Request(`${BASE}${path}`, { method, headers, ...body }))
}

/** Reads a JSON body as a plain record, for assertions. */
export async function json(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>
}

/** Executes a gated agent once and returns the ids the run produced. */
export async function runGated(mock: MockApi, config: Record<string, unknown> = {}) {
  const agent = mock.store.createAgent({
    name: 'Gated',
    config: { approval_required: true, checkpoint_name: 'review', ...config },
  })
  const response = await call(mock, 'POST', `/agents/${agent.id}/execute`, { body: { input: { message: 'hi' } } })
  const { data } = (await response.json()) as { data: { id: string } }
  const approval = mock.store.listApprovals({ execution_id: data.id })[0]
  if (approval === undefined) throw new Error('the gated run opened no approval')
  return { agentId: agent.id, executionId: data.id, approvalId: approval.id }
}
