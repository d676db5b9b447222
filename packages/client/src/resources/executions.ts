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
  type Page,
} from '@signoff/schemas'
import { withPositionalId, type RequestOptions } from '../core/arguments.js'
import type { Http } from '../core/http.js'
import { ListPromise } from '../core/list-promise.js'
import { path } from '../core/path.js'
import { typePayload, type PayloadOf, type PayloadOptions, type PayloadSchema } from '../core/payload.js'
import { validateInput } from '../core/validate-input.js'

const ExecutionEnvelope = dataEnvelope(ExecutionSchema)
const ExecutionListEnvelope = listEnvelope(ExecutionSchema)
const ApprovalEnvelope = dataEnvelope(ApprovalRequestSchema)

/** Runs of agents and the approvals they wait for. Reached as `client.executions`. */
export class Executions {
  readonly #http: Http

  /** @internal */
  constructor(http: Http) {
    this.#http = http
  }

  /** Lists executions. Await it for one page; iterate it with `for await` for every execution. */
  list(params: ExecutionListParams = {}, options: RequestOptions = {}): ListPromise<Execution> {
    const fetchPage = async (page: number): Promise<Page<Execution>> => {
      const query = validateInput('executions.list', ExecutionListParamsSchema, params)
      const { body } = await this.#http.call({
        operation: 'executions.list',
        method: 'get',
        path: 'executions',
        searchParams: { ...query, page },
        schema: ExecutionListEnvelope,
        signal: options.signal,
      })
      return { data: body.data, meta: body.meta }
    }
    return new ListPromise(fetchPage, params.page ?? 1)
  }

  /** Reads one execution: its status, and its output once approved. */
  async get(execution_id: string | { execution_id: string }, options: RequestOptions = {}): Promise<Execution> {
    const params = validateInput('executions.get', ExecutionIdParamsSchema, withPositionalId('execution_id', execution_id, {}))
    const { body } = await this.#http.call({
      operation: 'executions.get',
      method: 'get',
      path: path`executions/${params.execution_id}`,
      schema: ExecutionEnvelope,
      signal: options.signal,
    })
    return body.data
  }

  /**
   * Reads the approval request an execution is waiting on. A `NotFoundError` means none is
   * pending.
   */
  async pending_approval<S extends PayloadSchema | undefined = undefined>(
    execution_id: string | { execution_id: string },
    options: PayloadOptions<S> = {},
  ): Promise<ApprovalRequest<PayloadOf<S>>> {
    const operation = 'executions.pending_approval'
    const params = validateInput(operation, ExecutionIdParamsSchema, withPositionalId('execution_id', execution_id, {}))
    const { body } = await this.#http.call({
      operation,
      method: 'get',
      path: path`executions/${params.execution_id}/pending-approval`,
      schema: ApprovalEnvelope,
      signal: options.signal,
    })
    return typePayload(operation, body.data, options.payloadSchema)
  }

  /** Alias of {@link Executions.pending_approval}, for camelCase code. */
  pendingApproval<S extends PayloadSchema | undefined = undefined>(
    execution_id: string | { execution_id: string },
    options: PayloadOptions<S> = {},
  ): Promise<ApprovalRequest<PayloadOf<S>>> {
    return this.pending_approval(execution_id, options)
  }
}
