// The approval schemas of @signoff/schemas written inline with zod/mini, messages included: what
// the floor apps validate with. Not an app: schemas-inline.ts and ky-zod-mini.ts import it.
// Their constraints are refinements, as in the package (one zod class for all of them), without
// the package's record of JSON Schema facts.
import * as z from 'zod/mini'

const UNSAFE_ID = /[/?#\\%\s]|^\.{1,2}$/u
const isSafeId = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= 256 && !UNSAFE_ID.test(value)
const idParam = (field: string) =>
  z.custom<string>(isSafeId, {
    error: `${field} must be a non-empty id without "/", "?", "#", "%", "\\", whitespace or dot segments (for example "2Nz3qkGXBtBLqYuwKyWqu9BFWaE")`,
  })
const Id = z.string().check(z.refine((value: string) => value.length > 0))
const RFC_3339 =
  /^(?:\d{4}-(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)|(?:\d\d(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)T(?:[01]\d|2[0-3])(?::[0-5]\d){2}(?:\.\d+)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/
const Timestamp = z.string().check(z.refine((value: string) => RFC_3339.test(value), 'has the wrong format'))
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
  page: z.optional(
    z.number().check(
      z.refine((value: number) => Number.isSafeInteger(value) && value >= 1, 'page must be an integer of at least 1'),
    ),
  ),
  limit: z.optional(
    z.number().check(
      z.refine((value: number) => Number.isInteger(value) && value >= 1 && value <= 100, {
        error: (issue) =>
          Number(issue.input) > 100
            ? 'limit must be an integer from 1 to 100 (the API caps pages at 100)'
            : 'limit must be an integer from 1 to 100',
      }),
    ),
  ),
  status: z.optional(z.string({ error: 'status must be a string such as "pending"' })),
  agent_id: z.optional(idParam('agent_id')),
  checkpoint_name: z.optional(z.string({ error: 'checkpoint_name must be a string' })),
  execution_id: z.optional(idParam('execution_id')),
})
export const DecideParams = z.object({
  approval_id: idParam('approval_id'),
  decision: z.custom<'approved' | 'rejected'>((value) => value === 'approved' || value === 'rejected', {
    error: 'decision must be "approved" or "rejected"',
  }),
  reason: z.optional(
    z.string({ error: 'reason must be a string' }).check(
      // Characters are code points, as zod's maxLength counts them.
      z.refine((value: string) => value.length <= 10_000 || [...value].length <= 10_000, 'reason must be at most 10000 characters'),
    ),
  ),
})

export const ApprovalEnvelope = z.looseObject({ data: ApprovalRequest, message: z.optional(z.string()) })
