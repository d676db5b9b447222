// The agent calls, one function each over a shared Transport: a page that imports one of
// them carries that one and nothing else. The `Agents` class calls these same functions.
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
import type { ListPromise } from '../core/list-promise.js'
import { path } from '../core/path.js'
import type { Transport } from '../core/transport.js'
import type { RequestOptions } from '../core/request-options.js'

// Pure: an app that never calls these leaves their schemas out of its bundle.
const AgentEnvelope = /* @__PURE__ */ dataEnvelope(AgentSchema)
const AgentListEnvelope = /* @__PURE__ */ listEnvelope(AgentSchema)
const VersionEnvelope = /* @__PURE__ */ dataEnvelope(AgentVersionSchema)
const ExecutionEnvelope = /* @__PURE__ */ dataEnvelope(ExecutionSchema)

/** A new version's fields, for the positional form `create_version(agent_id, { config })`. */
export type CreateVersionBody = Omit<CreateVersionParams, 'agent_id'>

/** An execution's fields, for the positional form `execute(agent_id, { input })`. */
export type ExecuteBody = Omit<ExecuteParams, 'agent_id'>

/**
 * Lists agents. Await it for one page; iterate it with `for await` for every agent.
 *
 * @example
 * ```ts
 * const api = new Transport({ apiKey: process.env.PROMPTRAILS_API_KEY })
 * const { data, meta } = await listAgents(api, { limit: 50 })
 * for await (const agent of listAgents(api)) { … }
 * ```
 */
export function listAgents(transport: Transport, params: AgentListParams = {}, options: RequestOptions = {}): ListPromise<Agent> {
  return callList(transport, {
    operation: 'agents.list', path: 'agents', schema: AgentListEnvelope,
    params, paramsSchema: AgentListParamsSchema, options,
    accept: (agent) => agent,
    keyOf: (agent) => agent.id,
  })
}

/**
 * Reads one agent, with the version that currently runs (`current_version`).
 *
 * @example
 * ```ts
 * const api = new Transport({ apiKey: process.env.PROMPTRAILS_API_KEY })
 * const agent = await getAgent(api, agent_id)
 * const gated = agent.current_version?.config?.approval_required === true
 * ```
 */
export function getAgent(transport: Transport, agent_id: string | { agent_id: string }, options?: RequestOptions): ApiPromise<Agent> {
  return deferred(() => {
    const operation = 'agents.get'
    const { params, options: opts } = readIdArgument(operation, AgentIdParamsSchema, 'agent_id', agent_id, options)
    return callOne(transport, 'get', {
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
 * const api = new Transport({ apiKey: process.env.PROMPTRAILS_API_KEY })
 * await createAgentVersion(api, {
 *   agent_id,
 *   config: { approval_required: true, checkpoint_name: 'review_response', temperature: 0.7 },
 *   message: 'Added approval requirement',
 * })
 * await createAgentVersion(api, agent_id, { config: { approval_required: false } })
 * ```
 */
export function createAgentVersion(transport: Transport, params: CreateVersionParams, options?: RequestOptions): ApiPromise<AgentVersion>
export function createAgentVersion(
  transport: Transport,
  agent_id: string,
  body: CreateVersionBody,
  options?: RequestOptions,
): ApiPromise<AgentVersion>
export function createAgentVersion(
  transport: Transport,
  first: CreateVersionParams | string,
  body?: CreateVersionBody | RequestOptions,
  options?: RequestOptions,
): ApiPromise<AgentVersion> {
  return deferred(() => {
    const operation = 'agents.create_version'
    const read = readArguments<typeof CreateVersionParamsSchema, RequestOptions>(operation, CreateVersionParamsSchema, 'agent_id', { first, body, options })
    const { agent_id, ...version } = read.params
    return callOne(transport, 'post', {
      operation, path: path`agents/${agent_id}/versions`, json: version, schema: VersionEnvelope, options: read.options,
      accept: (created) => expectAskedFor(operation, 'agent_id', agent_id, created, created.agent_id),
    })
  })
}

/**
 * Runs an agent. When its current version requires approval, the execution comes back
 * `awaiting_approval` and an approval request waits for a person.
 *
 * @example
 * ```ts
 * const api = new Transport({ apiKey: process.env.PROMPTRAILS_API_KEY })
 * const execution = await executeAgent(api, { agent_id, input: { message: 'Refund order 42' } })
 * await executeAgent(api, agent_id, { input: { message: 'Refund order 43' }, session_id })
 * ```
 */
export function executeAgent(transport: Transport, params: ExecuteParams, options?: RequestOptions): ApiPromise<Execution>
export function executeAgent(transport: Transport, agent_id: string, body: ExecuteBody, options?: RequestOptions): ApiPromise<Execution>
export function executeAgent(
  transport: Transport,
  first: ExecuteParams | string,
  body?: ExecuteBody | RequestOptions,
  options?: RequestOptions,
): ApiPromise<Execution> {
  return deferred(() => {
    const operation = 'agents.execute'
    const read = readArguments<typeof ExecuteParamsSchema, RequestOptions>(operation, ExecuteParamsSchema, 'agent_id', { first, body, options })
    const { agent_id, ...run } = read.params
    return callOne(transport, 'post', {
      operation, path: path`agents/${agent_id}/execute`, json: run, schema: ExecutionEnvelope, options: read.options,
      accept: (execution) => expectAskedFor(operation, 'agent_id', agent_id, execution, execution.agent_id),
    })
  })
}
