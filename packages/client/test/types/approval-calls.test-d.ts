// Type tests of the approval call functions: they take and give exactly what the methods do.
import { expectTypeOf } from 'vitest'
import * as z from 'zod/mini'
import {
  Approvals,
  Signoff,
  Transport,
  decideApproval,
  getApproval,
  listApprovals,
  type ApprovalRequest,
  type ListPromise,
} from '../../src/index.js'

declare const api: Transport
declare const client: Signoff

export async function callsMatchTheMethods() {
  expectTypeOf(listApprovals(api, { status: 'pending' })).toEqualTypeOf(client.approvals.list({ status: 'pending' }))
  expectTypeOf(listApprovals(api)).toEqualTypeOf<ListPromise<ApprovalRequest>>()
  expectTypeOf(await getApproval(api, 'id')).toEqualTypeOf<ApprovalRequest>()
  expectTypeOf(await decideApproval(api, 'id', { decision: 'approved' })).toEqualTypeOf<ApprovalRequest>()
  expectTypeOf(await decideApproval(api, { approval_id: 'id', decision: 'rejected', reason: 'no' })).toEqualTypeOf<ApprovalRequest>()
  expectTypeOf(new Approvals(api)).toEqualTypeOf<Approvals>()
}

export async function typosAreCompileErrors() {
  // @ts-expect-error a misspelt status filter
  await listApprovals(api, { status: 'pendng' })
  // @ts-expect-error a decision is "approved" or "rejected"
  await decideApproval(api, 'id', { decision: 'approve' })
  // @ts-expect-error an id is a string
  await getApproval(api, 42)
  // @ts-expect-error the transport comes first
  await listApprovals({ status: 'pending' })
  // @ts-expect-error options, not a transport
  await listApprovals({ baseUrl: 'https://api.promptrails.ai' }, {})
}

export async function payloadSchemasType() {
  const Review = z.object({ input: z.object({ message: z.string() }) })
  const approval = await getApproval(api, 'id', { payloadSchema: Review })
  expectTypeOf(approval.payload.input.message).toEqualTypeOf<string>()
  for await (const item of listApprovals(api, {}, { payloadSchema: Review })) {
    expectTypeOf(item.payload.input.message).toEqualTypeOf<string>()
  }
}
