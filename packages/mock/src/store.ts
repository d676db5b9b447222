import type { Agent, AgentConfig, ApprovalRequest, Execution, JsonObject } from '@signoff/schemas'
import type { MockEventListener } from './domain/events.js'
import { SCOPES, type Scope, type WorkspaceRecord } from './domain/records.js'
import type { MockState } from './domain/state.js'
import { agentWire, approvalWire, executionWire, newestFirst } from './http/wire.js'
import type { WebhookDeliverer } from './webhooks/deliverer.js'
import type { MockDelivery, MockWebhookEndpoint } from './webhooks/types.js'

/** The key every mock accepts unless its state was changed: obviously fake, safe to print. */
export const DEFAULT_API_KEY = 'pr_key_signoff_mock_demo'

/** Filters of {@link MockStore.listApprovals}. */
export interface ApprovalFilter {
  status?: string
  agent_id?: string
  execution_id?: string
  checkpoint_name?: string
}

/**
 * The mock's state, for tests and examples: seed workspaces, keys and agents, and read what the
 * API did. Every object returned is a copy.
 */
export class MockStore {
  readonly #state: MockState
  readonly #webhooks: WebhookDeliverer
  readonly #seeded: boolean
  #defaults: { workspaceId: string; apiKey: string } | undefined

  /** @internal */
  constructor(state: MockState, webhooks: WebhookDeliverer, seeded = true) {
    this.#state = state
    this.#webhooks = webhooks
    this.#seeded = seeded
    this.#defaults = seeded ? this.#seed() : undefined
  }

  /**
   * The workspace and the all-scopes API key every mock starts with. Throws when the mock was
   * created with `seed: false`, which has neither.
   */
  get defaults(): { readonly workspaceId: string; readonly apiKey: string } {
    if (this.#defaults === undefined) {
      throw new Error('this mock was created with seed: false, so it has no default workspace or key')
    }
    return this.#defaults
  }

  /** Creates a workspace. */
  createWorkspace(name = 'Workspace'): WorkspaceRecord {
    return { ...this.#state.addWorkspace(name) }
  }

  /** Creates an API key for a workspace (default: the default one) with the given scopes (default: all). */
  createApiKey(options: { workspaceId?: string; scopes?: readonly Scope[]; key?: string } = {}): string {
    return this.#state.addApiKey(options.workspaceId ?? this.defaults.workspaceId, options.scopes ?? SCOPES, options.key).key
  }

  /** Creates an agent; with `config`, also its first version, which becomes current. */
  createAgent(options: { name: string; workspaceId?: string; type?: string; description?: string; config?: AgentConfig }): Agent {
    const agent = this.#state.addAgent(options.workspaceId ?? this.defaults.workspaceId, options)
    if (options.config !== undefined) this.#state.addVersion(agent, { config: options.config, message: 'Initial version' })
    return agentWire(this.#state, agent)
  }

  /**
   * Runs an agent's current version, as `POST /agents/{id}/execute` does (events and webhooks
   * included): a gated version leaves the execution at `awaiting_approval` with a pending
   * approval. For seeding many runs quickly, without going through HTTP.
   */
  execute(agentId: string, input: JsonObject): Execution {
    const agent = this.#state.agents.get(agentId)
    if (agent === undefined) throw new Error(`the mock has no agent ${agentId}`)
    const version = agent.current_version_id === null ? undefined : this.#state.versions.get(agent.current_version_id)
    if (version === undefined) throw new Error(`agent ${agentId} has no version to run: create it with a config`)
    return executionWire(this.#state.execute(agent, version, { input }))
  }

  /** Reads an agent, with its current version. */
  getAgent(id: string): Agent | undefined {
    const agent = this.#state.agents.get(id)
    return agent && agentWire(this.#state, agent)
  }

  /** Reads an execution. */
  getExecution(id: string): Execution | undefined {
    this.#state.expireDue()
    const execution = this.#state.executions.get(id)
    return execution && executionWire(execution)
  }

  /** Reads an approval. */
  getApproval(id: string): ApprovalRequest | undefined {
    this.#state.expireDue()
    const approval = this.#state.approvals.get(id)
    return approval && approvalWire(approval)
  }

  /** Lists approvals of every workspace, newest first. */
  listApprovals(filter: ApprovalFilter = {}): ApprovalRequest[] {
    this.#state.expireDue()
    const fields = Object.entries(filter) as [keyof ApprovalFilter, string][]
    return [...this.#state.approvals.values()]
      .filter((approval) => fields.every(([field, value]) => approval[field] === value))
      .sort(newestFirst)
      .map(approvalWire)
  }

  /** Lists executions of every workspace, newest first. */
  listExecutions(filter: { status?: string; agent_id?: string } = {}): Execution[] {
    this.#state.expireDue()
    return [...this.#state.executions.values()]
      .filter((execution) => (filter.status ?? execution.status) === execution.status)
      .filter((execution) => (filter.agent_id ?? execution.agent_id) === execution.agent_id)
      .reverse()
      .map(executionWire)
  }

  /** Calls `listener` with every event (`execution.awaiting_approval`, `approval.decided`, `approval.expired`). */
  onEvent(listener: MockEventListener): () => void {
    return this.#state.onEvent(listener)
  }

  /**
   * Sends every later event to a URL, signed with the endpoint's secret (or secrets), and
   * returns the endpoint's id. Throws a TypeError for a bad URL or secret (never repeating it).
   *
   * @example
   * ```ts
   * const endpointId = mock.store.addWebhookEndpoint({ url: 'http://127.0.0.1:3000/hooks', secret, events: ['approval.decided'] })
   * ```
   */
  addWebhookEndpoint(endpoint: MockWebhookEndpoint): string {
    return this.#webhooks.addEndpoint(endpoint)
  }

  /** Stops sending to an endpoint, pending retries included; `false` if there was no such endpoint. */
  removeWebhookEndpoint(id: string): boolean {
    return this.#webhooks.removeEndpoint(id)
  }

  /**
   * The webhook delivery log: one entry per message to an endpoint, oldest first, with every
   * attempt (a copy). `reset()` keeps it, as it keeps the endpoints.
   */
  get deliveries(): readonly MockDelivery[] {
    return this.#webhooks.deliveries
  }

  /** Forgets everything, then seeds the default workspace and key again (unless created with `seed: false`). */
  reset(): void {
    this.#state.clear()
    this.#defaults = this.#seeded ? this.#seed() : undefined
  }

  #seed() {
    const workspace = this.#state.addWorkspace('Default workspace')
    const key = this.#state.addApiKey(workspace.id, SCOPES, DEFAULT_API_KEY)
    return { workspaceId: workspace.id, apiKey: key.key }
  }
}
