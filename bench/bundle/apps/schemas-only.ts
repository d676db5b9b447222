// A page that validates with the approval schemas of @signoff/schemas and sends its own
// requests with fetch: what importing the schemas alone costs.
import { ApprovalListParamsSchema, ApprovalRequestSchema, DecideParamsSchema, listEnvelope } from '@signoff/schemas'

const query = ApprovalListParamsSchema.parse({ status: 'pending' })
const listed = await fetch(`/api/v1/approvals?status=${encodeURIComponent(query.status ?? '')}`)
const page = listEnvelope(ApprovalRequestSchema).parse(await listed.json())
const first = page.data[0]
if (first !== undefined) {
  const { approval_id, ...decision } = DecideParamsSchema.parse({ approval_id: first.id, decision: 'approved' })
  const decided = await fetch(`/api/v1/approvals/${encodeURIComponent(approval_id)}/decide`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(decision),
  })
  console.log(decided.status)
}
