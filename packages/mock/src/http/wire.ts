import type { AgentRecord, ApprovalRecord, ExecutionRecord, VersionRecord } from '../domain/records.js'
import type { MockState } from '../domain/state.js'

// Records become response bodies here: copies, so no caller can reach into the state.

/** A version as the API shows it. */
export function versionWire(state: MockState, version: VersionRecord) {
  const agent = state.agents.get(version.agent_id)
  return structuredClone({ ...version, is_current: agent?.current_version_id === version.id })
}

/** An agent as the API shows it, with its current version. */
export function agentWire(state: MockState, agent: AgentRecord) {
  const { current_version_id, ...rest } = agent
  const current = current_version_id === null ? undefined : state.versions.get(current_version_id)
  return { ...structuredClone(rest), current_version: current === undefined ? null : versionWire(state, current) }
}

/** An execution as the API shows it (the held-back output stays hidden). */
export function executionWire(execution: ExecutionRecord) {
  const { pending_output: _held, ...rest } = execution
  return structuredClone(rest)
}

/** An approval as the API shows it. */
export function approvalWire(approval: ApprovalRecord) {
  const { sequence: _sequence, ...rest } = approval
  return structuredClone(rest)
}

/** Newest first; creation order breaks ties within one millisecond. */
export function newestFirst(a: ApprovalRecord, b: ApprovalRecord): number {
  // Timestamps are all the clock's ISO strings, so plain comparison orders them.
  if (a.created_at !== b.created_at) return a.created_at < b.created_at ? 1 : -1
  return b.sequence - a.sequence
}
