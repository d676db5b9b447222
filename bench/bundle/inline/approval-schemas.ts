// The approval schemas of @signoff/schemas written inline with zod/mini, messages included: what
// the floor apps validate with. Not an app: schemas-inline.ts and ky-zod-mini.ts import it.
import * as z from 'zod/mini'
import { _isoDateTime } from 'zod/v4/core'

const UNSAFE_ID = /[/?#\\%\s]|^\.{1,2}$/u
const isSafeId = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= 256 && !UNSAFE_ID.test(value)
const idParam = (field: string) =>
  z.custom<string>(isSafeId, {
    error: `${field} must be a non-empty id without "/", "?", "#", "%", "\\", whitespace or dot segments (for example "2Nz3qkGXBtBLqYuwKyWqu9BFWaE")`,
  })
const Id = z.string().check(z.minLength(1))
const Timestamp = _isoDateTime(z.ZodMiniISODateTime, { offset: true })
const Status = z.pipe(z.string(), z.transform((value: string) => value))

export const ApprovalRequest = z.looseObject({
  id: Id,
  execution_id: Id,
  agent_id: Id,
  workspace_id: z.optional(z.nullable(Id)),
  checkpoint_name: z.string(),
  payload: z.optional(z.nullable(z.unknown())),
  status: Status,
  decided_by: z.optional(z.nullable(z.string())),
  decided_at: z.optional(z.nullable(Timestamp)),
  expires_at: z.optional(z.nullable(Timestamp)),
  reason: z.optional(z.nullable(z.string())),
  created_at: Timestamp,
})
const ListMeta = z.pipe(
  z.transform((input: unknown) =>
    typeof input === 'object' && input !== null && !Array.isArray(input) && !('total_pages' in input) && 'pages' in input
      ? { ...input, total_pages: input.pages }
      : input,
  ),
  z.looseObject({ total: z.number(), page: z.number(), limit: z.number(), total_pages: z.number() }),
)
export const ApprovalList = z.looseObject({ data: z.array(ApprovalRequest), meta: ListMeta })
export const ListParams = z.object({
  page: z.optional(z.number().check(z.int(), z.gte(1, { error: 'page must be an integer of at least 1' }))),
  limit: z.optional(
    z.number().check(
      z.int(),
      z.gte(1, { error: 'limit must be an integer from 1 to 100' }),
      z.lte(100, { error: 'limit must be an integer from 1 to 100 (the API caps pages at 100)' }),
    ),
  ),
  status: z.optional(z.string({ error: 'status must be a string such as "pending"' })),
  agent_id: z.optional(idParam('agent_id')),
  checkpoint_name: z.optional(z.string({ error: 'checkpoint_name must be a string' })),
  execution_id: z.optional(idParam('execution_id')),
})
export const DecideParams = z.object({
  approval_id: idParam('approval_id'),
  decision: z.enum(['approved', 'rejected'], { error: 'decision must be "approved" or "rejected"' }),
  reason: z.optional(
    z.string({ error: 'reason must be a string' }).check(z.maxLength(10_000, { error: 'reason must be at most 10000 characters' })),
  ),
})

export const ApprovalEnvelope = z.looseObject({ data: ApprovalRequest, message: z.optional(z.string()) })
