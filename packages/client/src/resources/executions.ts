import type { ApprovalRequest, Execution, ExecutionListParams } from '@signoff/schemas'
import { getExecution, getPendingApproval, listExecutions } from '../calls/executions.js'
import type { ApiPromise } from '../core/api-promise.js'
import type { ClientOptions } from '../core/options.js'
import type { ListPromise } from '../core/list-promise.js'
import { Transport } from '../core/transport.js'
import type { PayloadOf, PayloadOptions, PayloadSchema } from '../core/payload.js'
import type { RequestOptions } from '../core/request-options.js'

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
    return listExecutions(this.#transport, params, options)
  }

  /** Reads one execution: its status, and its output once approved. */
  get(execution_id: string | { execution_id: string }, options?: RequestOptions): ApiPromise<Execution> {
    return getExecution(this.#transport, execution_id, options)
  }

  /**
   * Reads the approval request an execution is waiting on. A `NotFoundError` means none is
   * pending.
   */
  pending_approval<S extends PayloadSchema | undefined = undefined>(
    execution_id: string | { execution_id: string },
    options?: PayloadOptions<S>,
  ): ApiPromise<ApprovalRequest<PayloadOf<S>>> {
    return getPendingApproval(this.#transport, execution_id, options)
  }

  /** Alias of {@link Executions.pending_approval}, for camelCase code. */
  pendingApproval<S extends PayloadSchema | undefined = undefined>(
    execution_id: string | { execution_id: string },
    options?: PayloadOptions<S>,
  ): ApiPromise<ApprovalRequest<PayloadOf<S>>> {
    return this.pending_approval(execution_id, options)
  }
}
