import {
  AgentIdParamsSchema,
  AgentListParamsSchema,
  AgentSchema,
  AgentVersionSchema,
  CreateVersionParamsSchema,
  ExecuteParamsSchema,
  ExecutionSchema,
  dataEnvelope,
  listEnvelope,
  type Agent,
  type AgentListParams,
  type AgentVersion,
  type CreateVersionParams,
  type ExecuteParams,
  type Execution,
  type Page,
} from '@signoff/schemas'
import { withPositionalId, type RequestOptions } from '../core/arguments.js'
import type { Http } from '../core/http.js'
import { ListPromise } from '../core/list-promise.js'
import { path } from '../core/path.js'
import { validateInput } from '../core/validate-input.js'

const AgentEnvelope = dataEnvelope(AgentSchema)
const AgentListEnvelope = listEnvelope(AgentSchema)
const VersionEnvelope = dataEnvelope(AgentVersionSchema)
const ExecutionEnvelope = dataEnvelope(ExecutionSchema)

/** A new version's fields, for the positional form `create_version(agent_id, { config })`. */
export type CreateVersionBody = Omit<CreateVersionParams, 'agent_id'>

/** An execution's fields, for the positional form `execute(agent_id, { input })`. */
export type ExecuteBody = Omit<ExecuteParams, 'agent_id'>

/** Agents and their versions; executing an agent. Reached as `client.agents`. */
export class Agents {
  readonly #http: Http

  /** @internal */
  constructor(http: Http) {
    this.#http = http
  }

  /** Lists agents. Await it for one page; iterate it with `for await` for every agent. */
  list(params: AgentListParams = {}, options: RequestOptions = {}): ListPromise<Agent> {
    const fetchPage = async (page: number): Promise<Page<Agent>> => {
      const query = validateInput('agents.list', AgentListParamsSchema, params)
      const { body } = await this.#http.call({
        operation: 'agents.list',
        method: 'get',
        path: 'agents',
        searchParams: { ...query, page },
        schema: AgentListEnvelope,
        signal: options.signal,
      })
      return { data: body.data, meta: body.meta }
    }
    return new ListPromise(fetchPage, params.page ?? 1)
  }

  /** Reads one agent, with the version that currently runs (`current_version`). */
  async get(agent_id: string | { agent_id: string }, options: RequestOptions = {}): Promise<Agent> {
    const params = validateInput('agents.get', AgentIdParamsSchema, withPositionalId('agent_id', agent_id, {}))
    const { body } = await this.#http.call({
      operation: 'agents.get',
      method: 'get',
      path: path`agents/${params.agent_id}`,
      schema: AgentEnvelope,
      signal: options.signal,
    })
    return body.data
  }

  /**
   * Creates a version of an agent. With `config.approval_required: true` and a
   * `checkpoint_name`, its runs pause for a person's decision.
   *
   * @example
   * ```ts
   * await client.agents.create_version({
   *   agent_id,
   *   config: { approval_required: true, checkpoint_name: 'review_response', temperature: 0.7 },
   *   message: 'Added approval requirement',
   * })
   * ```
   */
  create_version(params: CreateVersionParams, options?: RequestOptions): Promise<AgentVersion>
  create_version(agent_id: string, body: CreateVersionBody, options?: RequestOptions): Promise<AgentVersion>
  async create_version(
    first: CreateVersionParams | string,
    second?: CreateVersionBody | RequestOptions,
    third?: RequestOptions,
  ): Promise<AgentVersion> {
    const options = (typeof first === 'string' ? third : (second as RequestOptions | undefined)) ?? {}
    const { agent_id, ...body } = validateInput(
      'agents.create_version',
      CreateVersionParamsSchema,
      withPositionalId('agent_id', first, second),
    )
    const { body: response } = await this.#http.call({
      operation: 'agents.create_version',
      method: 'post',
      path: path`agents/${agent_id}/versions`,
      json: body,
      schema: VersionEnvelope,
      signal: options.signal,
      idempotencyKey: options.idempotencyKey,
    })
    return response.data
  }

  /** Alias of {@link Agents.create_version}, for camelCase code. */
  createVersion(params: CreateVersionParams, options?: RequestOptions): Promise<AgentVersion>
  createVersion(agent_id: string, body: CreateVersionBody, options?: RequestOptions): Promise<AgentVersion>
  createVersion(
    first: CreateVersionParams | string,
    second?: CreateVersionBody | RequestOptions,
    third?: RequestOptions,
  ): Promise<AgentVersion> {
    return typeof first === 'string'
      ? this.create_version(first, second as CreateVersionBody, third)
      : this.create_version(first, second as RequestOptions | undefined)
  }

  /**
   * Runs an agent. When its current version requires approval, the execution comes back
   * `awaiting_approval` and an approval request waits for a person.
   *
   * @example
   * ```ts
   * const execution = await client.agents.execute({ agent_id, input: { message: 'Refund order 42' } })
   * ```
   */
  execute(params: ExecuteParams, options?: RequestOptions): Promise<Execution>
  execute(agent_id: string, body: ExecuteBody, options?: RequestOptions): Promise<Execution>
  async execute(
    first: ExecuteParams | string,
    second?: ExecuteBody | RequestOptions,
    third?: RequestOptions,
  ): Promise<Execution> {
    const options = (typeof first === 'string' ? third : (second as RequestOptions | undefined)) ?? {}
    const { agent_id, ...body } = validateInput('agents.execute', ExecuteParamsSchema, withPositionalId('agent_id', first, second))
    const { body: response } = await this.#http.call({
      operation: 'agents.execute',
      method: 'post',
      path: path`agents/${agent_id}/execute`,
      json: body,
      schema: ExecutionEnvelope,
      signal: options.signal,
      idempotencyKey: options.idempotencyKey,
    })
    return response.data
  }
}
