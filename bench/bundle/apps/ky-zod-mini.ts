// (e) ky and a zod/mini approval list schema used directly: the dependencies the client is
// built on, with one schema and none of the client's own code.
import ky from 'ky'
import * as z from 'zod/mini'

const ApprovalList = z.object({
  data: z.array(
    z.looseObject({
      id: z.string(),
      execution_id: z.string(),
      agent_id: z.string(),
      checkpoint_name: z.string(),
      payload: z.optional(z.nullable(z.unknown())),
      status: z.string(),
      created_at: z.string(),
    }),
  ),
  meta: z.object({ total: z.number(), page: z.number(), limit: z.number(), total_pages: z.number() }),
})

const page = await ky.get(`${location.origin}/api/v1/approvals`, { searchParams: { status: 'pending' } }).json(ApprovalList)
console.log(page.data.length)
