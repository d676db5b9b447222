import type { Agent, AgentConfig, ApprovalRequest, Execution, JsonObject } from '@signoff/schemas'
import { configProblem } from './domain/config.js'
import type { MockEventListener } from './domain/events.js'
import {
  WHOLE_LIST,
  currentVersion,
  findAgent,
  findApproval,
  findExecution,
  listApprovals,
  listExecutions,
  type ApprovalFilter,
  type ExecutionFilter,
} from './domain/query.js'
import { SCOPES, type Scope, type WorkspaceRecord } from './domain/records.js'
import type { MockState } from './domain/state.js'
import { agentWire, approvalWire, executionWire } from './domain/wire.js'
import type { MockWebhooks } from './webhooks/control.js'
import type { MockDelivery, MockWebhookEndpoint } from './webhooks/types.js'

/** The key every mock accepts unless its state was changed: obviously fake, safe to print. */
export const DEFAULT_API_KEY = 'pr_key_signoff_mock_demo'

export type { ApprovalFilter, ExecutionFilter }

/**
 * The mock's state, for tests and examples: seed workspaces, keys and agents, and read what the
 * API did. Reads filter exactly as the API's lists do (across every workspace). Every object
 * returned is a copy.
 */
export class MockStore {
  readonly #state: MockState
  readonly #webhooks: MockWebhooks
  readonly #seeded: boolean
  #defaults: { workspaceId: string; apiKey: string } | undefined

  /** @internal */
  constructor(state: MockState, webhooks: MockWebhooks, seeded = true) {
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

  /**
   * Creates an agent; with `config`, also its first version, which becomes current. Throws a
   * TypeError for a config the mock cannot run (such as a bad `approval_expires_in_seconds`).
   */
  createAgent(options: { name: string; workspaceId?: string; type?: string; description?: string; config?: AgentConfig }): Agent {
    const workspaceId = options.workspaceId ?? this.defaults.workspaceId
    if (!this.#state.workspaces.has(workspaceId)) throw new Error(`no workspace ${workspaceId}`)
    // Checked first, so a refused config leaves no agent behind.
    const problem = options.config === undefined ? undefined : configProblem(options.config)
    if (problem !== undefined) throw new TypeError(problem)
    const agent = this.#state.addAgent(workspaceId, options)
    if (options.config !== undefined) this.#state.addVersion(agent, { config: options.config, message: 'Initial version' })
    return structuredClone(agentWire(this.#state, agent))
  }

  /**
   * Runs an agent's current version, as `POST /agents/{id}/execute` does (events and webhooks
   * included): a gated version leaves the execution at `awaiting_approval` with a pending
   * approval. For seeding many runs quickly, without going through HTTP.
   */
  execute(agentId: string, input: JsonObject): Execution {
    const agent = findAgent(this.#state, agentId)
    if (agent === undefined) throw new Error(`the mock has no agent ${agentId}`)
    const version = currentVersion(this.#state, agent)
    if (version === undefined) throw new Error(`agent ${agentId} has no version to run: create it with a config`)
    return structuredClone(executionWire(this.#state.execute(agent, version, { input })))
  }

  /** Reads an agent, with its current version. */
  getAgent(id: string): Agent | undefined {
    const agent = findAgent(this.#state, id)
    return agent && structuredClone(agentWire(this.#state, agent))
  }

  /** Reads an execution. */
  getExecution(id: string): Execution | undefined {
    const execution = findExecution(this.#state, id)
    return execution && structuredClone(executionWire(execution))
  }

  /** Reads an approval. */
  getApproval(id: string): ApprovalRequest | undefined {
    const approval = findApproval(this.#state, id)
    return approval && structuredClone(approvalWire(approval))
  }

  /** Lists approvals of every workspace, newest first. */
  listApprovals(filter: ApprovalFilter = {}): ApprovalRequest[] {
    return listApprovals(this.#state, undefined, filter, WHOLE_LIST).items.map((approval) => structuredClone(approvalWire(approval)))
  }

  /** Lists executions of every workspace, newest first. */
  listExecutions(filter: ExecutionFilter = {}): Execution[] {
    return listExecutions(this.#state, undefined, filter, WHOLE_LIST).items.map((execution) => structuredClone(executionWire(execution)))
  }

  /** Calls `listener` with every event (`execution.awaiting_approval`, `approval.decided`, `approval.expired`). */
  onEvent(listener: MockEventListener): () => void {
    return this.#state.onEvent(listener)
  }

  /** Same as `mock.webhooks.add(endpoint)`. */
  addWebhookEndpoint(endpoint: MockWebhookEndpoint): string {
    return this.#webhooks.add(endpoint)
  }

  /** Same as `mock.webhooks.remove(id)`. */
  removeWebhookEndpoint(id: string): boolean {
    return this.#webhooks.remove(id)
  }

  /** Same as `mock.webhooks.deliveries`. */
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
