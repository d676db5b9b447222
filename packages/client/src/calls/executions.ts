// The execution calls, one function each over a shared Transport: a page that imports one of
// them carries that one and nothing else. The `Executions` class calls these same functions.
import {
  ApprovalRequestSchema,
  ExecutionIdParamsSchema,
  ExecutionListParamsSchema,
  ExecutionSchema,
  dataEnvelope,
  listEnvelope,
  type ApprovalRequest,
  type Execution,
  type ExecutionListParams,
} from '@signoff/schemas'
import { deferred, type ApiPromise } from '../core/api-promise.js'
import { readIdArgument } from '../core/arguments.js'
import { expectAskedFor } from '../core/asked-for.js'
import { callList, callOne } from '../core/http.js'
import type { ListPromise } from '../core/list-promise.js'
import { path } from '../core/path.js'
import type { Transport } from '../core/transport.js'
import { checkPayload, type PayloadOf, type PayloadOptions, type PayloadSchema } from '../core/payload.js'
import type { RequestOptions } from '../core/request-options.js'

// Pure: an app that never calls these leaves their schemas out of its bundle.
const ExecutionEnvelope = /* @__PURE__ */ dataEnvelope(ExecutionSchema)
const ExecutionListEnvelope = /* @__PURE__ */ listEnvelope(ExecutionSchema)
const ApprovalEnvelope = /* @__PURE__ */ dataEnvelope(ApprovalRequestSchema)

/**
 * Lists executions. Await it for one page; iterate it with `for await` for every execution.
 *
 * @example
 * ```ts
 * const api = new Transport({ baseUrl: 'https://my-backend.example/promptrails' })
 * const { data } = await listExecutions(api, { status: 'awaiting_approval' })
 * for await (const execution of listExecutions(api, { agent_id })) { … }
 * ```
 */
export function listExecutions(
  transport: Transport,
  params: ExecutionListParams = {},
  options: RequestOptions = {},
): ListPromise<Execution> {
  return callList(transport, {
    operation: 'executions.list', path: 'executions', schema: ExecutionListEnvelope,
    params, paramsSchema: ExecutionListParamsSchema, options,
    accept: (execution) => execution,
    keyOf: (execution) => execution.id,
  })
}

/**
 * Reads one execution: its status, and its output once approved.
 *
 * @example
 * ```ts
 * const api = new Transport({ baseUrl: 'https://my-backend.example/promptrails' })
 * const execution = await getExecution(api, execution_id)
 * if (execution.status === 'completed') show(execution.output)
 * ```
 */
export function getExecution(
  transport: Transport,
  execution_id: string | { execution_id: string },
  options?: RequestOptions,
): ApiPromise<Execution> {
  return deferred(() => {
    const operation = 'executions.get'
    const { params, options: opts } = readIdArgument(operation, ExecutionIdParamsSchema, 'execution_id', execution_id, options)
    return callOne(transport, 'get', {
      operation, path: path`executions/${params.execution_id}`, schema: ExecutionEnvelope, options: opts,
      accept: (execution) => expectAskedFor(operation, 'id', params.execution_id, execution, execution.id),
    })
  })
}

/**
 * Reads the approval request an execution is waiting on. A `NotFoundError` means none is
 * pending.
 *
 * @example
 * ```ts
 * const api = new Transport({ baseUrl: 'https://my-backend.example/promptrails' })
 * const approval = await getPendingApproval(api, execution_id)
 * await decideApproval(api, approval.id, { decision: 'approved' })
 * ```
 */
export function getPendingApproval<S extends PayloadSchema | undefined = undefined>(
  transport: Transport,
  execution_id: string | { execution_id: string },
  options?: PayloadOptions<S>,
): ApiPromise<ApprovalRequest<PayloadOf<S>>> {
  return deferred(() => {
    const operation = 'executions.pending_approval'
    const { params, options: opts } = readIdArgument(operation, ExecutionIdParamsSchema, 'execution_id', execution_id, options)
    return callOne(transport, 'get', {
      operation, path: path`executions/${params.execution_id}/pending-approval`, schema: ApprovalEnvelope, options: opts,
      accept: async (approval) => expectAskedFor(operation, 'execution_id', params.execution_id, await checkPayload(operation, approval, opts.payloadSchema), approval.execution_id),
    })
  })
}
