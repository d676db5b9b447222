import type { ApprovalListParams, ApprovalRequest, DecideParams } from '@signoff/schemas'
import { decideApproval, getApproval, listApprovals, type DecideBody } from '../calls/approvals.js'
import type { ApiPromise } from '../core/api-promise.js'
import type { ListPromise } from '../core/list-promise.js'
import type { ClientOptions } from '../core/options.js'
import type { PayloadOf, PayloadOptions, PayloadSchema } from '../core/payload.js'
import { Transport } from '../core/transport.js'

export type { DecideBody }

/** Approval requests: list them, read one, approve or reject. Reached as `client.approvals`. */
export class Approvals {
  readonly #transport: Transport

  /**
   * Creates the resource on its own, for an app that needs only it (a bundle then carries
   * nothing of the other resources): `new Approvals({ apiKey, baseUrl })`. `new Signoff()` builds
   * every resource over one shared transport instead.
   */
  constructor(options?: ClientOptions)
  /** Creates the resource over a {@link Transport} shared with other resources and call functions. */
  constructor(transport: Transport)
  constructor(options: ClientOptions | Transport = {}) {
    this.#transport = options instanceof Transport ? options : new Transport(options)
  }

  /**
   * Lists approval requests, newest first. Await it for one page; iterate it with
   * `for await` for every approval of every page.
   *
   * @example
   * ```ts
   * const { data, meta } = await client.approvals.list({ status: 'pending' })
   * for await (const approval of client.approvals.list({ status: 'pending' })) { … }
   * ```
   */
  list<S extends PayloadSchema | undefined = undefined>(
    params: ApprovalListParams = {},
    options: PayloadOptions<S> = {},
  ): ListPromise<ApprovalRequest<PayloadOf<S>>> {
    return listApprovals(this.#transport, params, options)
  }

  /**
   * Reads one approval request.
   *
   * @example
   * ```ts
   * const approval = await client.approvals.get('2Nz3qkGXBtBLqYuwKyWqu9BFWaE')
   * ```
   */
  get<S extends PayloadSchema | undefined = undefined>(
    approval_id: string | { approval_id: string },
    options?: PayloadOptions<S>,
  ): ApiPromise<ApprovalRequest<PayloadOf<S>>> {
    return getApproval(this.#transport, approval_id, options)
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
   * await client.approvals.decide({ approval_id, decision: 'approved', reason: 'Looks right' })
   * await client.approvals.decide(approval_id, { decision: 'rejected', reason: 'Wrong price' })
   * ```
   */
  decide<S extends PayloadSchema | undefined = undefined>(params: DecideParams, options?: PayloadOptions<S>): ApiPromise<ApprovalRequest<PayloadOf<S>>>
  decide<S extends PayloadSchema | undefined = undefined>(
    approval_id: string,
    body: DecideBody,
    options?: PayloadOptions<S>,
  ): ApiPromise<ApprovalRequest<PayloadOf<S>>>
  decide<S extends PayloadSchema | undefined = undefined>(
    first: DecideParams | string,
    body?: DecideBody | PayloadOptions<S>,
    options?: PayloadOptions<S>,
  ): ApiPromise<ApprovalRequest<PayloadOf<S>>> {
    return typeof first === 'object' && first !== null
      ? decideApproval(this.#transport, first, body as PayloadOptions<S> | undefined)
      : decideApproval(this.#transport, first, body as DecideBody, options)
  }
}

