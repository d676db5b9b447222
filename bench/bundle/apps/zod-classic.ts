// The same approval list schema written with classic zod.
import { z } from 'zod'

const Approval = z.looseObject({
  id: z.string(),
  execution_id: z.string(),
  agent_id: z.string(),
  checkpoint_name: z.string(),
  payload: z.unknown().nullable().optional(),
  status: z.string(),
  reason: z.string().nullable().optional(),
  expires_at: z.string().nullable().optional(),
  created_at: z.string(),
})
const ApprovalList = z.object({
  data: z.array(Approval),
  meta: z.object({ total: z.number(), page: z.number(), limit: z.number(), total_pages: z.number() }),
})

const response = await fetch('/api/v1/approvals?status=pending')
console.log(ApprovalList.parse(await response.json()).data.length)
