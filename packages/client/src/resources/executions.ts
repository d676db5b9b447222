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
import type { ClientOptions } from '../core/options.js'
import type { ListPromise } from '../core/list-promise.js'
import { path } from '../core/path.js'
import { Transport } from '../core/transport.js'
import { checkPayload, type PayloadOf, type PayloadOptions, type PayloadSchema } from '../core/payload.js'
import type { RequestOptions } from '../core/request-options.js'

// Pure: an app that never calls this resource leaves these schemas out of its bundle.
const ExecutionEnvelope = /* @__PURE__ */ dataEnvelope(ExecutionSchema)
const ExecutionListEnvelope = /* @__PURE__ */ listEnvelope(ExecutionSchema)
const ApprovalEnvelope = /* @__PURE__ */ dataEnvelope(ApprovalRequestSchema)

/** Runs of agents and the approvals they wait for. Reached as `client.executions`. */
export class Executions {
  readonly #transport: Transport

  /**
   * Creates the resource on its own, for an app that needs only it (a bundle then carries
   * nothing of the other resources): `new Executions({ apiKey, baseUrl })`. `new Signoff()` builds
   * every resource over one shared transport instead.
   */
  constructor(options?: ClientOptions)
  /** Creates the resource over a {@link Transport} shared with other resources and call functions. */
  constructor(transport: Transport)
  constructor(options: ClientOptions | Transport = {}) {
    this.#transport = options instanceof Transport ? options : new Transport(options)
  }

  /** Lists executions. Await it for one page; iterate it with `for await` for every execution. */
  list(params: ExecutionListParams = {}, options: RequestOptions = {}): ListPromise<Execution> {
    return callList(this.#transport, {
      operation: 'executions.list', path: 'executions', schema: ExecutionListEnvelope,
      params, paramsSchema: ExecutionListParamsSchema, options,
      accept: (execution) => execution,
      keyOf: (execution) => execution.id,
    })
  }

  /** Reads one execution: its status, and its output once approved. */
  get(execution_id: string | { execution_id: string }, options?: RequestOptions): ApiPromise<Execution> {
    return deferred(() => {
      const operation = 'executions.get'
      const { params, options: opts } = readIdArgument(operation, ExecutionIdParamsSchema, 'execution_id', execution_id, options)
      return callOne(this.#transport, 'get', {
        operation, path: path`executions/${params.execution_id}`, schema: ExecutionEnvelope, options: opts,
        accept: (execution) => expectAskedFor(operation, 'id', params.execution_id, execution, execution.id),
      })
    })
  }

  /**
   * Reads the approval request an execution is waiting on. A `NotFoundError` means none is
   * pending.
   */
  pending_approval<S extends PayloadSchema | undefined = undefined>(
    execution_id: string | { execution_id: string },
    options?: PayloadOptions<S>,
  ): ApiPromise<ApprovalRequest<PayloadOf<S>>> {
    return deferred(() => {
      const operation = 'executions.pending_approval'
      const { params, options: opts } = readIdArgument(operation, ExecutionIdParamsSchema, 'execution_id', execution_id, options)
      return callOne(this.#transport, 'get', {
        operation, path: path`executions/${params.execution_id}/pending-approval`, schema: ApprovalEnvelope, options: opts,
        accept: async (approval) => expectAskedFor(operation, 'execution_id', params.execution_id, await checkPayload(operation, approval, opts.payloadSchema), approval.execution_id),
      })
    })
  }

  /** Alias of {@link Executions.pending_approval}, for camelCase code. */
  pendingApproval<S extends PayloadSchema | undefined = undefined>(
    execution_id: string | { execution_id: string },
    options?: PayloadOptions<S>,
  ): ApiPromise<ApprovalRequest<PayloadOf<S>>> {
    return this.pending_approval(execution_id, options)
  }
}
