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
} from '@signoff/schemas'
import { deferred, type ApiPromise } from '../core/api-promise.js'
import { readArguments, readIdArgument } from '../core/arguments.js'
import { expectAskedFor } from '../core/asked-for.js'
import { callList, callOne } from '../core/http.js'
import type { ClientOptions } from '../core/options.js'
import type { ListPromise } from '../core/list-promise.js'
import { path } from '../core/path.js'
import { Transport } from '../core/transport.js'
import type { RequestOptions } from '../core/request-options.js'

// Pure: an app that never calls this resource leaves these schemas out of its bundle.
const AgentEnvelope = /* @__PURE__ */ dataEnvelope(AgentSchema)
const AgentListEnvelope = /* @__PURE__ */ listEnvelope(AgentSchema)
const VersionEnvelope = /* @__PURE__ */ dataEnvelope(AgentVersionSchema)
const ExecutionEnvelope = /* @__PURE__ */ dataEnvelope(ExecutionSchema)

/** A new version's fields, for the positional form `create_version(agent_id, { config })`. */
export type CreateVersionBody = Omit<CreateVersionParams, 'agent_id'>

/** An execution's fields, for the positional form `execute(agent_id, { input })`. */
export type ExecuteBody = Omit<ExecuteParams, 'agent_id'>

/** Agents and their versions; executing an agent. Reached as `client.agents`. */
export class Agents {
  readonly #transport: Transport

  /**
   * Creates the resource on its own, for an app that needs only it (a bundle then carries
   * nothing of the other resources): `new Agents({ apiKey, baseUrl })`. `new Signoff()` builds
   * every resource over one shared transport instead.
   */
  constructor(options?: ClientOptions)
  /** Creates the resource over a {@link Transport} shared with other resources and call functions. */
  constructor(transport: Transport)
  constructor(options: ClientOptions | Transport = {}) {
    this.#transport = options instanceof Transport ? options : new Transport(options)
  }

  /** Lists agents. Await it for one page; iterate it with `for await` for every agent. */
  list(params: AgentListParams = {}, options: RequestOptions = {}): ListPromise<Agent> {
    return callList(this.#transport, {
      operation: 'agents.list', path: 'agents', schema: AgentListEnvelope,
      params, paramsSchema: AgentListParamsSchema, options,
      accept: (agent) => agent,
      keyOf: (agent) => agent.id,
    })
  }

  /** Reads one agent, with the version that currently runs (`current_version`). */
  get(agent_id: string | { agent_id: string }, options?: RequestOptions): ApiPromise<Agent> {
    return deferred(() => {
      const operation = 'agents.get'
      const { params, options: opts } = readIdArgument(operation, AgentIdParamsSchema, 'agent_id', agent_id, options)
      return callOne(this.#transport, 'get', {
        operation, path: path`agents/${params.agent_id}`, schema: AgentEnvelope, options: opts,
        accept: (agent) => expectAskedFor(operation, 'id', params.agent_id, agent, agent.id),
      })
    })
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
  create_version(params: CreateVersionParams, options?: RequestOptions): ApiPromise<AgentVersion>
  create_version(agent_id: string, body: CreateVersionBody, options?: RequestOptions): ApiPromise<AgentVersion>
  create_version(
    first: CreateVersionParams | string,
    body?: CreateVersionBody | RequestOptions,
    options?: RequestOptions,
  ): ApiPromise<AgentVersion> {
    return deferred(() => {
      const operation = 'agents.create_version'
      const read = readArguments<typeof CreateVersionParamsSchema, RequestOptions>(operation, CreateVersionParamsSchema, 'agent_id', { first, body, options })
      const { agent_id, ...version } = read.params
      return callOne(this.#transport, 'post', {
        operation, path: path`agents/${agent_id}/versions`, json: version, schema: VersionEnvelope, options: read.options,
        accept: (created) => expectAskedFor(operation, 'agent_id', agent_id, created, created.agent_id),
      })
    })
  }

  /** Alias of {@link Agents.create_version}, for camelCase code. */
  createVersion(params: CreateVersionParams, options?: RequestOptions): ApiPromise<AgentVersion>
  createVersion(agent_id: string, body: CreateVersionBody, options?: RequestOptions): ApiPromise<AgentVersion>
  createVersion(
    first: CreateVersionParams | string,
    body?: CreateVersionBody | RequestOptions,
    options?: RequestOptions,
  ): ApiPromise<AgentVersion> {
    return this.create_version(first as string, body as CreateVersionBody, options)
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
  execute(params: ExecuteParams, options?: RequestOptions): ApiPromise<Execution>
  execute(agent_id: string, body: ExecuteBody, options?: RequestOptions): ApiPromise<Execution>
  execute(first: ExecuteParams | string, body?: ExecuteBody | RequestOptions, options?: RequestOptions): ApiPromise<Execution> {
    return deferred(() => {
      const operation = 'agents.execute'
      const read = readArguments<typeof ExecuteParamsSchema, RequestOptions>(operation, ExecuteParamsSchema, 'agent_id', { first, body, options })
      const { agent_id, ...run } = read.params
      return callOne(this.#transport, 'post', {
        operation, path: path`agents/${agent_id}/execute`, json: run, schema: ExecutionEnvelope, options: read.options,
        accept: (execution) => expectAskedFor(operation, 'agent_id', agent_id, execution, execution.agent_id),
      })
    })
  }
}
