import type { AgentRecord, ApprovalRecord, ExecutionRecord, VersionRecord } from './records.js'
import type { MockState } from './state.js'

// The reads of the state, shared by the routes and the store API so both filter alike. A
// `workspaceId` of `undefined` reads across every workspace (the store API does).

/** Filters of approval lists (each an exact match). */
export interface ApprovalFilter {
  status?: string | undefined
  agent_id?: string | undefined
  execution_id?: string | undefined
  checkpoint_name?: string | undefined
}

/** Filters of execution lists (each an exact match). */
export interface ExecutionFilter {
  status?: string | undefined
  agent_id?: string | undefined
  session_id?: string | undefined
}

/** Filters of agent lists: `type` matches exactly, `name` is a case-insensitive substring. */
export interface AgentFilter {
  type?: string | undefined
  name?: string | undefined
}

/** Which part of a list to read: `offset` items skipped, then at most `limit`. */
export interface ListWindow {
  offset: number
  limit: number
}

/** A part of a list and the size of the whole. */
export interface ListSlice<T> {
  total: number
  items: T[]
}

/** Everything: for store reads that want the whole list. */
export const WHOLE_LIST: ListWindow = { offset: 0, limit: Number.MAX_SAFE_INTEGER }

function within<T extends { workspace_id: string }>(record: T | undefined, workspaceId: string | undefined): T | undefined {
  return record !== undefined && (workspaceId === undefined || record.workspace_id === workspaceId) ? record : undefined
}

/** An agent, if it is in the workspace. */
export function findAgent(state: MockState, id: string, workspaceId?: string): AgentRecord | undefined {
  return within(state.agents.get(id), workspaceId)
}

/** An execution, if it is in the workspace. */
export function findExecution(state: MockState, id: string, workspaceId?: string): ExecutionRecord | undefined {
  state.expireDue()
  return within(state.executions.get(id), workspaceId)
}

/** An approval, if it is in the workspace. */
export function findApproval(state: MockState, id: string, workspaceId?: string): ApprovalRecord | undefined {
  state.expireDue()
  return within(state.approvals.get(id), workspaceId)
}

/** One of an agent's versions. */
export function findVersion(state: MockState, agent: AgentRecord, versionId: string): VersionRecord | undefined {
  const version = state.versions.get(versionId)
  return version?.agent_id === agent.id ? version : undefined
}

/** The version an agent runs, if it has one. */
export function currentVersion(state: MockState, agent: AgentRecord): VersionRecord | undefined {
  return agent.current_version_id === null ? undefined : state.versions.get(agent.current_version_id)
}

/** An agent's versions, newest first. */
export function listVersions(state: MockState, agent: AgentRecord): VersionRecord[] {
  return state.versions.list(agent.id, {}, WHOLE_LIST).items
}

/** The approval an execution waits on, if any. */
export function pendingApprovalOf(state: MockState, execution: ExecutionRecord): ApprovalRecord | undefined {
  state.expireDue()
  return state.approvals.list(execution.workspace_id, { execution_id: execution.id, status: 'pending' }, { offset: 0, limit: 1 }).items[0]
}

/** Approvals, newest first. */
export function listApprovals(state: MockState, workspaceId: string | undefined, filter: ApprovalFilter, window: ListWindow): ListSlice<ApprovalRecord> {
  state.expireDue()
  return state.approvals.list(workspaceId, filter, window)
}

/** Executions, newest first. */
export function listExecutions(state: MockState, workspaceId: string | undefined, filter: ExecutionFilter, window: ListWindow): ListSlice<ExecutionRecord> {
  state.expireDue()
  return state.executions.list(workspaceId, filter, window)
}

/** Agents, newest first (as the emulator orders them). */
export function listAgents(state: MockState, workspaceId: string | undefined, filter: AgentFilter, window: ListWindow): ListSlice<AgentRecord> {
  const name = filter.name?.toLowerCase()
  const byName = name === undefined ? undefined : (agent: AgentRecord) => agent.name.toLowerCase().includes(name)
  return state.agents.list(workspaceId, { type: filter.type }, window, byName)
}
