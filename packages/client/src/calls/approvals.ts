// The approval calls, one function each over a shared Transport: a page that imports two of
// them carries those two and nothing else. The `Approvals` class calls these same functions.
import {
  ApprovalIdParamsSchema,
  ApprovalListParamsSchema,
  ApprovalRequestSchema,
  DecideParamsSchema,
  dataEnvelope,
  listEnvelope,
  type ApprovalListParams,
  type ApprovalRequest,
  type DecideParams,
} from '@signoff/schemas'
import { deferred, type ApiPromise } from '../core/api-promise.js'
import { readArguments, readIdArgument } from '../core/arguments.js'
import { expectAskedFor } from '../core/asked-for.js'
import { callList, callOne } from '../core/http.js'
import type { ListPromise } from '../core/list-promise.js'
import { path } from '../core/path.js'
import type { Transport } from '../core/transport.js'
import { checkPayload, type PayloadOf, type PayloadOptions, type PayloadSchema } from '../core/payload.js'
import { reconcileDecision } from './reconcile-decision.js'

// Pure: an app that never calls this resource leaves these schemas out of its bundle.
const ApprovalEnvelope = /* @__PURE__ */ dataEnvelope(ApprovalRequestSchema)
const ApprovalListEnvelope = /* @__PURE__ */ listEnvelope(ApprovalRequestSchema)

/** The decision and optional reason, for the positional form `decide(id, { decision })`. */
export type DecideBody = Omit<DecideParams, 'approval_id'>

/**
 * Lists approval requests, newest first. Await it for one page; iterate it with `for await`
 * for every approval of every page.
 *
 * @example
 * ```ts
 * const api = new Transport({ baseUrl: 'https://my-backend.example/promptrails' })
 * const { data, meta } = await listApprovals(api, { status: 'pending' })
 * for await (const approval of listApprovals(api, { status: 'pending' })) { … }
 * ```
 */
export function listApprovals<S extends PayloadSchema | undefined = undefined>(
  transport: Transport,
  params: ApprovalListParams = {},
  options: PayloadOptions<S> = {},
): ListPromise<ApprovalRequest<PayloadOf<S>>> {
  const operation = 'approvals.list'
  const schema = options.payloadSchema
  return callList(transport, {
    operation, path: 'approvals', schema: ApprovalListEnvelope, params, paramsSchema: ApprovalListParamsSchema, options,
    // Without a payload schema an approval is taken as parsed, with no promise per item.
    accept: schema === undefined
      ? (approval) => approval as ApprovalRequest<PayloadOf<S>>
      : (approval, index) => checkPayload<S>(operation, approval, schema, ['data', index]),
    keyOf: (approval) => approval.id,
  })
}

/**
 * Reads one approval request.
 *
 * @example
 * ```ts
 * const approval = await getApproval(api, '2Nz3qkGXBtBLqYuwKyWqu9BFWaE')
 * ```
 */
export function getApproval<S extends PayloadSchema | undefined = undefined>(
  transport: Transport,
  approval_id: string | { approval_id: string },
  options?: PayloadOptions<S>,
): ApiPromise<ApprovalRequest<PayloadOf<S>>> {
  return deferred(() => {
    const operation = 'approvals.get'
    const { params, options: opts } = readIdArgument(operation, ApprovalIdParamsSchema, 'approval_id', approval_id, options)
    return callOne(transport, 'get', {
      operation, path: path`approvals/${params.approval_id}`, schema: ApprovalEnvelope, options: opts,
      accept: theApproval(operation, params.approval_id, opts.payloadSchema),
    })
  })
}

/**
 * Approves or rejects a pending approval; the run then completes or is marked rejected.
 *
 * Safe to retry: the request carries an `Idempotency-Key`, and when one of its own retries
 * meets "already decided" the approval is read back. The same decision with the same reason
 * is success; anything else is a `ConflictError` whose `approval` holds the approval as it
 * stands (see docs/reliability.md).
 *
 * @example
 * ```ts
 * await decideApproval(api, { approval_id, decision: 'approved', reason: 'Looks right' })
 * await decideApproval(api, approval_id, { decision: 'rejected', reason: 'Wrong price' })
 * ```
 */
export function decideApproval<S extends PayloadSchema | undefined = undefined>(
  transport: Transport,
  params: DecideParams,
  options?: PayloadOptions<S>,
): ApiPromise<ApprovalRequest<PayloadOf<S>>>
export function decideApproval<S extends PayloadSchema | undefined = undefined>(
  transport: Transport,
  approval_id: string,
  body: DecideBody,
  options?: PayloadOptions<S>,
): ApiPromise<ApprovalRequest<PayloadOf<S>>>
export function decideApproval<S extends PayloadSchema | undefined = undefined>(
  transport: Transport,
  first: DecideParams | string,
  body?: DecideBody | PayloadOptions<S>,
  options?: PayloadOptions<S>,
): ApiPromise<ApprovalRequest<PayloadOf<S>>> {
  return deferred(() => {
    const operation = 'approvals.decide'
    const read = readArguments<typeof DecideParamsSchema, PayloadOptions<S>>(operation, DecideParamsSchema, 'approval_id', { first, body, options })
    const { approval_id, ...decision } = read.params
    const opts = read.options
    return callOne(transport, 'post', {
      operation, path: path`approvals/${approval_id}/decide`, json: decision, schema: ApprovalEnvelope, options: opts,
      accept: theApproval(operation, approval_id, opts.payloadSchema),
      recover: (error, retries) =>
        reconcileDecision({ error, retries, decision, readBack: () => getApproval(transport, approval_id, readBackOptions(opts)).withResponse() }),
    })
  })
}

// What get and decide return: the approval asked for (not another one a server replayed),
// its payload checked by the caller's schema.
function theApproval<S extends PayloadSchema | undefined>(operation: string, approval_id: string, schema: S | undefined) {
  return async (approval: ApprovalRequest): Promise<ApprovalRequest<PayloadOf<S>>> =>
    expectAskedFor(operation, 'id', approval_id, await checkPayload(operation, approval, schema), approval.id)
}

// The read-back keeps the caller's signal, timeout, headers and payload schema; it is a GET,
// so no idempotency key.
function readBackOptions<S extends PayloadSchema | undefined>(options: PayloadOptions<S>): PayloadOptions<S> {
  const { idempotencyKey: _unused, ...rest } = options
  return rest
}
