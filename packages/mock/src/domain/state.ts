import type { AgentConfig, JsonObject } from '@signoff/schemas'
import { IndexedCollection } from './collection.js'
import { configProblem } from './config.js'
import { ExpiryQueue } from './expiry-queue.js'
import { approvalEvent, type MockEventListener, type MockEventType } from './events.js'
import { runModel } from './model.js'
import { SCOPES, type AgentRecord, type ApiKeyRecord, type ApprovalRecord, type ExecutionRecord, type Scope, type VersionRecord, type WorkspaceRecord } from './records.js'

/** What the state needs from its surroundings: ids and the time. */
export interface StateEnvironment {
  generateId: () => string
  clock: () => Date
}

/** The outcome of a decision attempt. */
export type DecideOutcome = { ok: true; approval: ApprovalRecord } | { ok: false; reason: 'already_decided' }

/** The fields of a new version. */
export interface VersionFields {
  config: AgentConfig | null
  version?: string | undefined
  message?: string | undefined
  input_schema?: JsonObject | undefined
  output_schema?: JsonObject | undefined
  set_current?: boolean | undefined
}

/**
 * All of the mock's data and the rules that change it (the approval flow, expiry, events).
 * Reads go through `query.ts`; HTTP concerns (auth, envelopes, dialects) live in `http/`.
 */
export class MockState {
  readonly workspaces = new Map<string, WorkspaceRecord>()
  readonly apiKeys = new Map<string, ApiKeyRecord>()
  readonly agents = new IndexedCollection<AgentRecord, 'type'>([['type']], (agent) => agent.id, (agent) => agent.workspace_id)
  readonly versions = new IndexedCollection<VersionRecord, never>([], (version) => version.id, (version) => version.agent_id)
  readonly executions = new IndexedCollection<ExecutionRecord, 'agent_id' | 'session_id' | 'status'>(
    [['status'], ['agent_id'], ['session_id'], ['status', 'agent_id'], ['status', 'session_id']],
    (execution) => execution.id,
    (execution) => execution.workspace_id,
  )
  readonly approvals = new IndexedCollection<ApprovalRecord, 'status' | 'agent_id' | 'execution_id' | 'checkpoint_name'>(
    // Lists filter by status above all (the watcher reads `status=pending`), alone or with one other field.
    [['status'], ['agent_id'], ['execution_id'], ['checkpoint_name'], ['status', 'agent_id'], ['status', 'execution_id'], ['status', 'checkpoint_name']],
    (approval) => approval.id,
    (approval) => approval.workspace_id,
  )
  // The pending approvals that can expire, soonest first: every read checks, so it must not walk them all.
  readonly #expiring = new ExpiryQueue<ApprovalRecord>()
  readonly #listeners = new Set<MockEventListener>()
  readonly #env: StateEnvironment

  constructor(env: StateEnvironment) {
    this.#env = env
  }

  /** A new id from the configured generator. */
  id(): string {
    return this.#env.generateId()
  }

  /** The current time as RFC 3339. */
  now(): string {
    return this.#env.clock().toISOString()
  }

  /** Subscribes to events; returns the unsubscribe function. */
  onEvent(listener: MockEventListener): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /** Empties every collection (listeners stay). */
  clear(): void {
    this.workspaces.clear()
    this.apiKeys.clear()
    for (const collection of [this.agents, this.versions, this.executions, this.approvals]) collection.clear()
    this.#expiring.clear()
  }

  addWorkspace(name: string): WorkspaceRecord {
    const workspace = { id: this.id(), name }
    this.workspaces.set(workspace.id, workspace)
    return workspace
  }

  addApiKey(workspaceId: string, scopes: readonly Scope[] = SCOPES, key = `pr_key_${this.id()}`): ApiKeyRecord {
    if (!this.workspaces.has(workspaceId)) throw new Error(`no workspace ${workspaceId}`)
    const record = { key, workspace_id: workspaceId, scopes: [...scopes], user_id: this.id() }
    this.apiKeys.set(key, record)
    return record
  }

  addAgent(workspaceId: string, fields: { name: string; type?: string | undefined; description?: string | undefined }): AgentRecord {
    // An agent in no workspace could never be reached by any key: a mistake in the caller's setup.
    if (!this.workspaces.has(workspaceId)) throw new Error(`no workspace ${workspaceId}`)
    const now = this.now()
    const agent: AgentRecord = {
      id: this.id(),
      workspace_id: workspaceId,
      name: fields.name,
      description: fields.description ?? null,
      type: fields.type ?? 'simple',
      status: 'active',
      current_version_id: null,
      created_at: now,
      updated_at: now,
    }
    this.agents.add(agent)
    return agent
  }

  /**
   * Adds a version; names it "N.0.0" when no name is given; makes it current unless told not
   * to. Throws a TypeError for a config the mock could not run (checked before anything is stored).
   */
  addVersion(agent: AgentRecord, fields: VersionFields): VersionRecord {
    const problem = configProblem(fields.config)
    if (problem !== undefined) throw new TypeError(problem)
    const count = this.versions.list(agent.id, {}, { offset: 0, limit: 0 }).total
    const version: VersionRecord = {
      id: this.id(),
      agent_id: agent.id,
      version: fields.version ?? `${count + 1}.0.0`,
      config: fields.config,
      input_schema: fields.input_schema ?? null,
      output_schema: fields.output_schema ?? null,
      message: fields.message ?? null,
      created_at: this.now(),
    }
    this.versions.add(version)
    if (fields.set_current ?? true) this.promote(agent, version)
    return version
  }

  /** Makes a version the one an agent runs. */
  promote(agent: AgentRecord, version: VersionRecord): void {
    this.agents.update(agent, { current_version_id: version.id, updated_at: this.now() })
  }

  /**
   * Runs an agent. With `approval_required`, the output is held back, an approval request is
   * created and the execution waits at `awaiting_approval`; otherwise it completes. Everything
   * is computed before anything is stored, so a run is stored whole or not at all.
   */
  execute(agent: AgentRecord, version: VersionRecord, fields: { input: JsonObject; session_id?: string | undefined }): ExecutionRecord {
    const now = this.now()
    const config = version.config ?? {}
    const output = runModel(fields.input)
    const gated = config.approval_required === true
    const execution: ExecutionRecord = {
      id: this.id(),
      agent_id: agent.id,
      agent_version_id: version.id,
      workspace_id: agent.workspace_id,
      session_id: fields.session_id ?? this.id(),
      status: gated ? 'awaiting_approval' : 'completed',
      input: fields.input,
      output: gated ? null : output,
      pending_output: gated ? output : null,
      error: '',
      token_usage: { prompt_tokens: 42, completion_tokens: 17, total_tokens: 59 },
      cost: 0.00059,
      duration_ms: 840,
      trace_id: this.id(),
      started_at: now,
      completed_at: gated ? null : now,
      created_at: now,
    }
    const approval = gated ? this.#approvalFor(execution, config) : undefined
    this.executions.add(execution)
    if (approval === undefined) return execution
    this.approvals.add(approval)
    if (approval.expires_at !== null) this.#expiring.add(approval, Date.parse(approval.expires_at))
    this.#fire('execution.awaiting_approval', approval)
    return execution
  }

  #approvalFor(execution: ExecutionRecord, config: AgentConfig): ApprovalRecord {
    const checkpoint = config.checkpoint_name ?? config.approval_checkpoint_name ?? 'default'
    const expiresIn = config['approval_expires_in_seconds']
    return {
      id: this.id(),
      execution_id: execution.id,
      agent_id: execution.agent_id,
      workspace_id: execution.workspace_id,
      checkpoint_name: checkpoint,
      payload: { input: execution.input, output: execution.pending_output, checkpoint_name: checkpoint },
      status: 'pending',
      decided_by: null,
      decided_at: null,
      expires_at: typeof expiresIn === 'number' ? new Date(this.#env.clock().getTime() + expiresIn * 1000).toISOString() : null,
      reason: null,
      created_at: execution.created_at,
    }
  }

  /** Applies a decision to a pending approval and finishes its execution accordingly. */
  decide(approval: ApprovalRecord, decision: 'approved' | 'rejected', decidedBy: string, reason: string | undefined): DecideOutcome {
    this.expireDue()
    if (approval.status !== 'pending') return { ok: false, reason: 'already_decided' }
    const now = this.now()
    this.approvals.update(approval, { status: decision, decided_by: decidedBy, decided_at: now, reason: reason ?? null })
    const execution = this.executions.get(approval.execution_id)
    if (execution) {
      const approved = decision === 'approved'
      this.executions.update(execution, {
        status: approved ? 'completed' : 'rejected',
        output: approved ? execution.pending_output : null,
        pending_output: null,
        completed_at: now,
      })
    }
    this.#fire('approval.decided', approval)
    return { ok: true, approval }
  }

  /** Expires every pending approval whose `expires_at` has passed; its execution fails. */
  expireDue(): void {
    for (const approval of this.#expiring.takeDue(this.#env.clock().getTime())) {
      // Decided since it was queued: nothing to expire.
      if (approval.status !== 'pending') continue
      this.approvals.update(approval, { status: 'expired' })
      const execution = this.executions.get(approval.execution_id)
      if (execution) {
        this.executions.update(execution, { status: 'failed', error: 'approval expired', pending_output: null, completed_at: this.now() })
      }
      this.#fire('approval.expired', approval)
    }
  }

  #fire(type: MockEventType, approval: ApprovalRecord): void {
    const execution = this.executions.get(approval.execution_id)
    if (execution === undefined) return
    const event = approvalEvent(type, this.now(), approval, execution)
    for (const listener of this.#listeners) listener(event)
  }
}
