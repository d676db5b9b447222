// The floor of schemas-only.ts: the same approval schemas written inline with zod/mini, and
// the same calls.
import { ApprovalList, DecideParams, ListParams } from '../inline/approval-schemas.ts'

const query = ListParams.parse({ status: 'pending' })
const listed = await fetch(`/api/v1/approvals?status=${encodeURIComponent(query.status ?? '')}`)
const page = ApprovalList.parse(await listed.json())
const first = page.data[0]
if (first !== undefined) {
  const { approval_id, ...decision } = DecideParams.parse({ approval_id: first.id, decision: 'approved' })
  const decided = await fetch(`/api/v1/approvals/${encodeURIComponent(approval_id)}/decide`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(decision),
  })
  console.log(decided.status)
}
