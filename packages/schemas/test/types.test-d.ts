// Type tests: checked by `tsc -p tsconfig.json` (the package's `typecheck`), never run. They
// pin what the schemas infer, so a change in how a check is written cannot change a type.
import { expectTypeOf } from 'vitest'
import type * as z from 'zod/mini'
import type {
  AgentConfigInputSchema,
  ApprovalListParamsSchema,
  ApprovalRequestSchema,
  DecideParamsSchema,
  ExecutionListParamsSchema,
  IdSchema,
  PaginationParamsShape,
  TimestampSchema,
  WebhookEventSchema,
} from '../src/index.js'

export function decideParams() {
  expectTypeOf<z.input<typeof DecideParamsSchema>>().toEqualTypeOf<{
    approval_id: string
    decision: 'approved' | 'rejected'
    reason?: string | undefined
  }>()
  expectTypeOf<z.output<typeof DecideParamsSchema>>().toEqualTypeOf<{
    approval_id: string
    decision: 'approved' | 'rejected'
    reason?: string | undefined
  }>()
}

export function pagination() {
  expectTypeOf<z.input<(typeof PaginationParamsShape)['page']>>().toEqualTypeOf<number | undefined>()
  expectTypeOf<z.output<(typeof PaginationParamsShape)['limit']>>().toEqualTypeOf<number | undefined>()
  expectTypeOf<z.input<typeof ApprovalListParamsSchema>>().toEqualTypeOf<{
    page?: number | undefined
    limit?: number | undefined
    status?: string | undefined
    agent_id?: string | undefined
    checkpoint_name?: string | undefined
    execution_id?: string | undefined
  }>()
  expectTypeOf<z.input<typeof ExecutionListParamsSchema>['page']>().toEqualTypeOf<number | undefined>()
}

export function strings() {
  expectTypeOf<z.input<typeof IdSchema>>().toEqualTypeOf<string>()
  expectTypeOf<z.output<typeof IdSchema>>().toEqualTypeOf<string>()
  expectTypeOf<z.input<typeof TimestampSchema>>().toEqualTypeOf<string>()
  expectTypeOf<z.output<typeof TimestampSchema>>().toEqualTypeOf<string>()
  expectTypeOf<z.output<typeof ApprovalRequestSchema>['created_at']>().toEqualTypeOf<string>()
  expectTypeOf<z.output<typeof ApprovalRequestSchema>['decided_at']>().toEqualTypeOf<string | null | undefined>()
  expectTypeOf<z.output<typeof WebhookEventSchema>['timestamp']>().toEqualTypeOf<string>()
  expectTypeOf<z.input<typeof AgentConfigInputSchema>['checkpoint_name']>().toEqualTypeOf<string | undefined>()
}
