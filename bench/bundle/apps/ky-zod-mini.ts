// The floor of the reviewer app: the same two calls written by hand over ky and zod/mini, with
// the same schemas inline, inputs validated, retries on and an Idempotency-Key on decide. No
// typed errors, no option checks, no redaction: the dependencies and the least code around them.
import ky from 'ky'
import type * as z from 'zod/mini'
import { ApprovalEnvelope, ApprovalList, DecideParams, ListParams } from '../inline/approval-schemas.ts'

const api = ky.create({ baseUrl: `${location.origin}/api/v1/`, retry: { limit: 2, methods: ['get', 'post'] } })

function list(params: z.input<typeof ListParams>) {
  return api.get('approvals', { searchParams: ListParams.parse(params) }).json(ApprovalList)
}

function decide(params: z.input<typeof DecideParams>) {
  const { approval_id, ...decision } = DecideParams.parse(params)
  const headers = { 'idempotency-key': crypto.randomUUID() }
  return api.post(`approvals/${encodeURIComponent(approval_id)}/decide`, { json: decision, headers }).json(ApprovalEnvelope)
}

const page = await list({ status: 'pending' })
const first = page.data[0]
if (first !== undefined) console.log(await decide({ approval_id: first.id, decision: 'approved', reason: 'ok' }))
