// The approval list schema written with zod/mini (what @signoff/schemas uses).
import * as z from 'zod/mini'

const Approval = z.looseObject({
  id: z.string(),
  execution_id: z.string(),
  agent_id: z.string(),
  checkpoint_name: z.string(),
  payload: z.optional(z.nullable(z.unknown())),
  status: z.string(),
  reason: z.optional(z.nullable(z.string())),
  expires_at: z.optional(z.nullable(z.string())),
  created_at: z.string(),
})
const ApprovalList = z.object({
  data: z.array(Approval),
  meta: z.object({ total: z.number(), page: z.number(), limit: z.number(), total_pages: z.number() }),
})

const response = await fetch('/api/v1/approvals?status=pending')
console.log(ApprovalList.parse(await response.json()).data.length)
