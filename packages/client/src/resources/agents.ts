import type { Agent, AgentListParams, AgentVersion, CreateVersionParams, ExecuteParams, Execution } from '@signoff/schemas'
import {
  createAgentVersion,
  executeAgent,
  getAgent,
  listAgents,
  type CreateVersionBody,
  type ExecuteBody,
} from '../calls/agents.js'
import type { ApiPromise } from '../core/api-promise.js'
import type { ClientOptions } from '../core/options.js'
import type { ListPromise } from '../core/list-promise.js'
import { Transport } from '../core/transport.js'
import type { RequestOptions } from '../core/request-options.js'

export type { CreateVersionBody, ExecuteBody }

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
    return listAgents(this.#transport, params, options)
  }

  /** Reads one agent, with the version that currently runs (`current_version`). */
  get(agent_id: string | { agent_id: string }, options?: RequestOptions): ApiPromise<Agent> {
    return getAgent(this.#transport, agent_id, options)
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
    return typeof first === 'object' && first !== null
      ? createAgentVersion(this.#transport, first, body as RequestOptions | undefined)
      : createAgentVersion(this.#transport, first, body as CreateVersionBody, options)
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
    return typeof first === 'object' && first !== null
      ? executeAgent(this.#transport, first, body as RequestOptions | undefined)
      : executeAgent(this.#transport, first, body as ExecuteBody, options)
  }
}
