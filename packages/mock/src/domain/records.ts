import type { AgentConfig, ApprovalStatus, ExecutionStatus, JsonObject } from '@signoff/schemas'

// The mock's state, kept in the wire shape so responses are plain copies of records.

/** A workspace: the boundary no key crosses. */
export interface WorkspaceRecord {
  id: string
  name: string
}

/** An API key, bound to one workspace and a set of scopes. */
export interface ApiKeyRecord {
  key: string
  workspace_id: string
  scopes: Scope[]
  /** Who decisions made with this key are attributed to: a bare KSUID, as the docs show `decided_by`. */
  user_id: string
}

/** Every scope the mock checks. */
export const SCOPES = [
  'agents:read',
  'agents:write',
  'agents:execute',
  'executions:read',
  'approvals:read',
  'approvals:write',
] as const

/** One permission an API key can hold. */
export type Scope = (typeof SCOPES)[number]

/** An agent; its versions are kept apart. */
export interface AgentRecord {
  id: string
  workspace_id: string
  name: string
  description: string | null
  type: string
  status: string
  current_version_id: string | null
  created_at: string
  updated_at: string
}

/** One version of an agent's configuration. */
export interface VersionRecord {
  id: string
  agent_id: string
  version: string
  config: AgentConfig | null
  input_schema: JsonObject | null
  output_schema: JsonObject | null
  message: string | null
  created_at: string
}

/** One run of an agent. */
export interface ExecutionRecord {
  id: string
  agent_id: string
  agent_version_id: string
  workspace_id: string
  /** The caller's session, or a new id when none was given (as the emulator does). */
  session_id: string
  status: ExecutionStatus
  input: JsonObject
  output: JsonObject | null
  /** The model's output, held back until a decision delivers or discards it. */
  pending_output: JsonObject | null
  /** `""` while nothing failed, as the emulator sends it. */
  error: string
  token_usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number }
  cost: number
  duration_ms: number
  trace_id: string
  started_at: string
  completed_at: string | null
  created_at: string
}

/** A request for a person's decision. */
export interface ApprovalRecord {
  id: string
  execution_id: string
  agent_id: string
  workspace_id: string
  checkpoint_name: string
  payload: JsonObject | null
  status: ApprovalStatus
  decided_by: string | null
  decided_at: string | null
  expires_at: string | null
  reason: string | null
  created_at: string
}
