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
  type Page,
} from '@signoff/schemas'
import { withPositionalId } from '../core/arguments.js'
import { ConflictError } from '../core/errors/api-error.js'
import type { Http } from '../core/http.js'
import { ListPromise } from '../core/list-promise.js'
import { path } from '../core/path.js'
import { typePayload, type PayloadOf, type PayloadOptions, type PayloadSchema } from '../core/payload.js'
import { validateInput } from '../core/validate-input.js'

const ApprovalEnvelope = dataEnvelope(ApprovalRequestSchema)
const ApprovalListEnvelope = listEnvelope(ApprovalRequestSchema)

/** The decision and optional reason, for the positional form `decide(id, { decision })`. */
export type DecideBody = Omit<DecideParams, 'approval_id'>

/** Approval requests: list them, read one, approve or reject. Reached as `client.approvals`. */
export class Approvals {
  readonly #http: Http

  /** @internal */
  constructor(http: Http) {
    this.#http = http
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
    const fetchPage = async (page: number): Promise<Page<ApprovalRequest<PayloadOf<S>>>> => {
      const query = validateInput('approvals.list', ApprovalListParamsSchema, params)
      const { body } = await this.#http.call({
        operation: 'approvals.list',
        method: 'get',
        path: 'approvals',
        searchParams: { ...query, page },
        schema: ApprovalListEnvelope,
        signal: options.signal,
      })
      const data = await Promise.all(
        body.data.map((approval, index) =>
          typePayload('approvals.list', approval, options.payloadSchema, ['data', index]),
        ),
      )
      return { data, meta: body.meta }
    }
    return new ListPromise(fetchPage, params.page ?? 1)
  }

  /**
   * Reads one approval request.
   *
   * @example
   * ```ts
   * const approval = await client.approvals.get('2Nz3qkGXBtBLqYuwKyWqu9BFWaE')
   * ```
   */
  async get<S extends PayloadSchema | undefined = undefined>(
    approval_id: string | { approval_id: string },
    options: PayloadOptions<S> = {},
  ): Promise<ApprovalRequest<PayloadOf<S>>> {
    const params = validateInput('approvals.get', ApprovalIdParamsSchema, withPositionalId('approval_id', approval_id, {}))
    const { body } = await this.#http.call({
      operation: 'approvals.get',
      method: 'get',
      path: path`approvals/${params.approval_id}`,
      schema: ApprovalEnvelope,
      signal: options.signal,
    })
    return typePayload('approvals.get', body.data, options.payloadSchema)
  }

  /**
   * Approves or rejects a pending approval; the run then completes or is marked rejected.
   *
   * Safe to retry: the request carries an `Idempotency-Key`, and when one of its own retries
   * meets "already decided" the approval is read back. The same decision is success; a
   * different one is a `ConflictError` whose `approval` holds the approval as it stands.
   *
   * @example
   * ```ts
   * await client.approvals.decide({ approval_id, decision: 'approved', reason: 'Looks right' })
   * await client.approvals.decide(approval_id, { decision: 'rejected', reason: 'Wrong price' })
   * ```
   */
  decide<S extends PayloadSchema | undefined = undefined>(
    params: DecideParams,
    options?: PayloadOptions<S>,
  ): Promise<ApprovalRequest<PayloadOf<S>>>
  decide<S extends PayloadSchema | undefined = undefined>(
    approval_id: string,
    body: DecideBody,
    options?: PayloadOptions<S>,
  ): Promise<ApprovalRequest<PayloadOf<S>>>
  async decide<S extends PayloadSchema | undefined = undefined>(
    first: DecideParams | string,
    second?: DecideBody | PayloadOptions<S>,
    third?: PayloadOptions<S>,
  ): Promise<ApprovalRequest<PayloadOf<S>>> {
    const positional = typeof first === 'string'
    const options: PayloadOptions<S> = (positional ? third : (second as PayloadOptions<S> | undefined)) ?? {}
    const { approval_id, ...body } = validateInput('approvals.decide', DecideParamsSchema, withPositionalId('approval_id', first, second))
    const attempts = { retries: 0 }
    try {
      const { body: response } = await this.#http.call({
        operation: 'approvals.decide',
        method: 'post',
        path: path`approvals/${approval_id}/decide`,
        json: body,
        schema: ApprovalEnvelope,
        signal: options.signal,
        idempotencyKey: options.idempotencyKey,
        attempts,
      })
      return await typePayload('approvals.decide', response.data, options.payloadSchema)
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error
      // Read the approval back: when our own earlier attempt landed, the decision it holds is ours.
      const current = await this.get(approval_id, options)
      error.approval = current
      if (attempts.retries > 0 && current.status === body.decision) return current
      throw error
    }
  }
}
