import type { AgentRecord, ApprovalRecord, ExecutionRecord, VersionRecord } from './records.js'
import type { MockState } from './state.js'

// Records become what the API shows here. These are fresh top-level objects sharing nested
// values with the state: the HTTP layer serialises them at once, and the store API clones them
// before handing them out.

/** A version as the API shows it. */
export function versionWire(state: MockState, version: VersionRecord) {
  const agent = state.agents.get(version.agent_id)
  return { ...version, is_current: agent?.current_version_id === version.id }
}

/** An agent as the API shows it, with its current version. */
export function agentWire(state: MockState, agent: AgentRecord) {
  const { current_version_id, ...rest } = agent
  const current = current_version_id === null ? undefined : state.versions.get(current_version_id)
  return { ...rest, current_version: current === undefined ? null : versionWire(state, current) }
}

/** An execution as the API shows it (the held-back output stays hidden). */
export function executionWire(execution: ExecutionRecord) {
  const { pending_output: _held, ...rest } = execution
  return rest
}

/** An approval as the API shows it. */
export function approvalWire(approval: ApprovalRecord) {
  return { ...approval }
}
