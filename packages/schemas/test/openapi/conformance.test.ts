// The document's nuances, read by an independent validator (ajv): what a server may send passes,
// what breaks the contract is named by operation and field.
import { describe, expect, it } from 'vitest'
import { checkRequest, checkResponse, checkWebhook } from '../../openapi/conformance.ts'

const API = 'https://api.promptrails.test/api/v1'
const ID = '2Nz3qkGXBtBLqYuwKyWqu9BFWaE'
const NOW = '2026-12-01T10:00:00.123456789Z'

const approval = (fields: Record<string, unknown> = {}) => ({
  id: ID,
  execution_id: ID,
  agent_id: ID,
  checkpoint_name: 'review_response',
  payload: null,
  status: 'pending',
  created_at: NOW,
  ...fields,
})

const respond = (path: string, status: number, body: unknown, method = 'GET') =>
  checkResponse(new Request(`${API}${path}`, { method }), Response.json(body, { status }))

const meta = { total: 1, page: 1, limit: 20 }

describe('responses', () => {
  it('accept either spelling of the page count alone, and refuse a list meta with neither', async () => {
    expect(await respond('/approvals', 200, { data: [approval()], meta: { ...meta, pages: 1 } })).toEqual([])
    expect(await respond('/approvals', 200, { data: [approval()], meta: { ...meta, total_pages: 1 } })).toEqual([])
    const problems = await respond('/approvals', 200, { data: [], meta })
    expect(problems.join('\n')).toContain("approvals_list (GET /api/v1/approvals → 200) response body.meta: must have required property 'total_pages'")
  })

  it('keep status sets open and unknown fields allowed', async () => {
    const newer = approval({ status: 'escalated', escalation_level: 2 })
    expect(await respond(`/approvals/${ID}`, 200, { data: newer, message: 'ok' })).toEqual([])
    expect(await respond(`/approvals/${ID}`, 200, { data: approval({ status: 7 }) })).toContainEqual(
      expect.stringContaining('body.data.status: must be string'),
    )
  })

  it('accept an execute answer carrying only `execution_id`, or only `id`, but not neither', async () => {
    const run = { agent_id: ID, status: 'awaiting_approval', created_at: NOW }
    expect(await respond(`/agents/${ID}/execute`, 201, { data: { ...run, execution_id: ID } }, 'POST')).toEqual([])
    expect(await respond(`/agents/${ID}/execute`, 201, { data: { ...run, id: ID } }, 'POST')).toEqual([])
    expect(await respond(`/agents/${ID}/execute`, 201, { data: run }, 'POST')).not.toEqual([])
  })

  it('accept the checkpoint under either name in a version config', async () => {
    const version = { id: ID, agent_id: ID, version: '1.1.0', is_current: true, created_at: NOW }
    for (const config of [{ approval_required: true, checkpoint_name: 'a' }, { approval_required: true, approval_checkpoint_name: 'a' }, null]) {
      expect(await respond(`/agents/${ID}/versions`, 201, { data: { ...version, config } }, 'POST')).toEqual([])
    }
  })

  it('need date-time timestamps', async () => {
    expect(await respond(`/approvals/${ID}`, 200, { data: approval({ created_at: 'yesterday' }) })).toContainEqual(
      expect.stringContaining('body.data.created_at: must match format "date-time"'),
    )
  })

  it('accept every error shape on every status, and refuse an undeclared status', async () => {
    for (const body of [{ error: { code: 'not_found', message: 'approval not found' } }, { error: 'approval not found' }, { message: 'Not Found' }]) {
      expect(await respond(`/approvals/${ID}`, 404, body)).toEqual([])
      expect(await respond('/agents', 503, body)).toEqual([])
    }
    expect(await respond(`/approvals/${ID}`, 404, { detail: 'gone' })).not.toEqual([])
    expect(await respond(`/approvals/${ID}`, 302, {})).toEqual([`approvals_get (GET /api/v1/approvals/${ID} → 302) response status: 302 is not declared`])
    // Routes beyond the contract: their errors must still be error bodies.
    expect(await respond(`/approvals/${ID}`, 405, { message: 'Method Not Allowed' }, 'DELETE')).toEqual([])
    expect(await respond('/nothing-here', 404, { detail: 'gone' })).not.toEqual([])
  })
})

describe('requests', () => {
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    checkRequest(new Request(`${API}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }))

  it('pass a decision with an Idempotency-Key, and name the field of a bad one', async () => {
    expect(await post(`/approvals/${ID}/decide`, { decision: 'approved', reason: 'ok' }, { 'idempotency-key': 'k1' })).toEqual([])
    expect(await post(`/approvals/${ID}/decide`, { decision: 'maybe' })).toContainEqual(
      expect.stringContaining(`approvals_decide (POST /api/v1/approvals/${ID}/decide) request body.decision: must be equal to one of the allowed values`),
    )
  })

  it('check path ids, query parameters and undeclared filters', async () => {
    const get = (path: string) => checkRequest(new Request(`${API}${path}`))
    expect(await get(`/approvals?status=pending&agent_id=${ID}&checkpoint_name=review&execution_id=${ID}&page=2&limit=100`)).toEqual([])
    expect(await get('/approvals?limit=500')).toContainEqual(expect.stringContaining('query parameter limit: must be <= 100'))
    expect(await get('/approvals?owner=me')).toContainEqual(expect.stringContaining('query parameter owner: is not declared'))
    expect(await get('/approvals/a%2Fb')).toContainEqual(expect.stringContaining('path parameter approval_id: must match pattern'))
    expect(await get('/nothing-here')).toEqual(['GET /api/v1/nothing-here: no operation in openapi.json'])
  })
})

describe('webhooks', () => {
  const headers = new Headers({ 'webhook-id': 'msg_1', 'webhook-timestamp': '1764583200', 'webhook-signature': 'v1,c2ln v1,b3RoZXI=' })
  const event = { type: 'approval.decided', timestamp: NOW, data: { approval: approval({ status: 'approved' }), execution: { id: ID, agent_id: ID, status: 'completed' } } }

  it('pass a signed approval event and an event of a type no one knows yet', () => {
    expect(checkWebhook(headers, JSON.stringify(event))).toEqual([])
    expect(checkWebhook(headers, JSON.stringify({ type: 'approval.escalated', timestamp: NOW, data: {} }))).toEqual([])
  })

  it('name a missing Standard Webhooks header and a broken body', () => {
    const unsigned = new Headers({ 'webhook-id': 'msg_1', 'webhook-timestamp': '1764583200' })
    expect(checkWebhook(unsigned, JSON.stringify(event))).toContainEqual('webhook_approval_decided header parameter webhook-signature: is required but missing')
    const broken = { ...event, data: { approval: approval({ status: 'approved' }) } }
    expect(checkWebhook(headers, JSON.stringify(broken))).toContainEqual("webhook_approval_decided body.data: must have required property 'execution'")
  })
})
