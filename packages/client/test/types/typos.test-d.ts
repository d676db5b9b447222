// Type tests: checked by `tsc -p test/tsconfig.json` (the package's `typecheck`, part of the
// test command), never run. An `@ts-expect-error` that stops being an error fails the check,
// so each line below proves that a typo is caught at compile time.
import { expectTypeOf } from 'vitest'
import * as z from 'zod/mini'
import {
  Signoff,
  isConflictError,
  isRateLimitError,
  type Agent,
  type ApprovalRequest,
  type ApprovalStatus,
  type Execution,
  type ExecutionStatus,
  type ListPromise,
  type Page,
  type WithResponse,
} from '../../src/index.js'

declare const client: Signoff
declare const approval: ApprovalRequest
declare const execution: Execution
declare const agent: Agent

export async function idsAreStrings() {
  // @ts-expect-error an id is a string
  await client.approvals.decide({ approval_id: 42, decision: 'approved' })
  // @ts-expect-error an id is a string
  await client.approvals.get(42)
  // @ts-expect-error an id is a string
  await client.executions.pending_approval({ execution_id: true })
  // @ts-expect-error an id is a string
  await client.agents.execute({ agent_id: null, input: {} })
  await client.approvals.decide('2Nz3qkGXBtBLqYuwKyWqu9BFWaE', { decision: 'approved' })
}

export function knownFieldsArePrecise() {
  expectTypeOf(approval.checkpoint_name).toEqualTypeOf<string>()
  expectTypeOf(approval.status).toEqualTypeOf<ApprovalStatus>()
  expectTypeOf(approval.reason).toEqualTypeOf<string | null | undefined>()
  expectTypeOf(execution.status).toEqualTypeOf<ExecutionStatus>()
  expectTypeOf(agent.current_version?.is_current).toEqualTypeOf<boolean | undefined>()
  // An agent's config stays open: it holds model settings besides the approval ones.
  expectTypeOf(agent.current_version?.config?.['temperature']).toEqualTypeOf<unknown>()
  // @ts-expect-error a misspelt field is not `unknown`, it is an error
  void approval.checkpiont_name
  // @ts-expect-error a misspelt field is not `unknown`, it is an error
  void execution.statsu
  // @ts-expect-error a misspelt field is not `unknown`, it is an error
  void agent.current_version?.is_curent
}

export function statusesAreChecked() {
  void client.approvals.list({ status: 'pending' })
  // @ts-expect-error a misspelt status filter
  void client.approvals.list({ status: 'pendng' })
  void client.executions.list({ status: 'awaiting_approval' })
  // @ts-expect-error a misspelt status filter
  void client.executions.list({ status: 'awaiting_aproval' })
  // A status the SDK does not know still parses in responses: the type stays open.
  const newer: ApprovalStatus = 'escalated'
  void newer
}

export async function payloadSchemaGivesThePayloadType() {
  const Review = z.object({ input: z.object({ message: z.string() }) })
  const typed = await client.approvals.get('id', { payloadSchema: Review })
  expectTypeOf(typed.payload).toEqualTypeOf<{ input: { message: string } }>()
  const nullable = await client.approvals.get('id', { payloadSchema: z.nullable(Review) })
  expectTypeOf(nullable.payload).toEqualTypeOf<{ input: { message: string } } | null>()
  const decided = await client.approvals.decide('id', { decision: 'approved' }, { payloadSchema: Review })
  expectTypeOf(decided.payload.input.message).toEqualTypeOf<string>()
  const page = await client.approvals.list({}, { payloadSchema: Review })
  expectTypeOf(page.data[0]?.payload).toEqualTypeOf<{ input: { message: string } } | undefined>()
  const untyped = await client.approvals.get('id')
  expectTypeOf(untyped.payload).toEqualTypeOf<unknown>()
}

export async function promisesAndGuards(error: unknown) {
  expectTypeOf(client.approvals.get('id').withResponse()).toEqualTypeOf<Promise<WithResponse<ApprovalRequest>>>()
  expectTypeOf(client.approvals.list()).toEqualTypeOf<ListPromise<ApprovalRequest>>()
  expectTypeOf(await client.approvals.list()).toEqualTypeOf<Page<ApprovalRequest>>()
  // @ts-expect-error per-call options are typed
  void client.approvals.get('id', { timeout: '5s' })
  // @ts-expect-error idempotencyKey is a string
  void client.approvals.decide('id', { decision: 'approved' }, { idempotencyKey: 7 })
  if (isConflictError(error)) expectTypeOf(error.approval).toEqualTypeOf<ApprovalRequest | undefined>()
  if (isRateLimitError(error)) expectTypeOf(error.retryAfter).toEqualTypeOf<number | undefined>()
}
