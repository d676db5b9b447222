// The endpoints of the wire contract, one entry each: what the document says about an
// operation beyond its schemas.
import {
  AgentListParamsSchema,
  ApprovalListParamsSchema,
  CreateVersionParamsSchema,
  DecideParamsSchema,
  ExecuteParamsSchema,
  ExecutionListParamsSchema,
} from '@signoff/schemas'
import * as z from 'zod/mini'

/** An id in the path: its name and what it names. */
export interface PathId {
  name: 'agent_id' | 'execution_id' | 'approval_id'
  what: string
}

/** One operation of the contract. */
export interface OperationSpec {
  /** The SDK's name for it (`approvals.decide`); the operationId is the same with `_`. */
  call: string
  method: 'get' | 'post'
  /** The path under `/api/v1`. */
  path: string
  tag: 'agents' | 'executions' | 'approvals'
  summary: string
  description: string
  scope: string
  pathId?: PathId
  /** Query parameters, as a params schema (path ids left out). */
  query?: z.ZodMiniObject
  /** Query parameters that are our choice rather than PromptRails facts. */
  ourQuery?: readonly string[]
  /** The open status set the `status` filter takes values from. */
  statusFilter?: 'ApprovalStatus' | 'ExecutionStatus'
  /** The request body, as a params schema without the path id, and its component name. */
  body?: { name: string; schema: z.ZodMiniType; description: string }
  success: { status: 200 | 201; component: string; description: string }
  /** Error statuses beyond those every operation declares. */
  errors?: readonly ('409' | '422')[]
}

const agent: PathId = { name: 'agent_id', what: 'The agent' }
const execution: PathId = { name: 'execution_id', what: 'The execution' }
const approval: PathId = { name: 'approval_id', what: 'The approval request' }

/** Every endpoint of the contract. */
export const OPERATIONS: readonly OperationSpec[] = [
  {
    call: 'agents.list',
    method: 'get',
    path: '/agents',
    tag: 'agents',
    summary: 'List agents',
    description: 'A page of the workspace agents, filtered by `type` and `name`.',
    scope: 'agents:read',
    query: AgentListParamsSchema,
    success: { status: 200, component: 'AgentList', description: 'A page of agents.' },
  },
  {
    call: 'agents.get',
    method: 'get',
    path: '/agents/{agent_id}',
    tag: 'agents',
    summary: 'Get an agent',
    description: 'One agent, with its current version.',
    scope: 'agents:read',
    pathId: agent,
    success: { status: 200, component: 'AgentResponse', description: 'The agent.' },
  },
  {
    call: 'agents.create_version',
    method: 'post',
    path: '/agents/{agent_id}/versions',
    tag: 'agents',
    summary: 'Create an agent version',
    description:
      'Adds a version to an agent. With `config.approval_required: true`, runs of the version pause at `config.checkpoint_name` for a person to decide.',
    scope: 'agents:write',
    pathId: agent,
    body: {
      name: 'CreateVersionRequest',
      schema: z.omit(CreateVersionParamsSchema, { agent_id: true }),
      description: 'The new version: its config (approval settings plus any other keys) and optional schemas.',
    },
    success: { status: 201, component: 'AgentVersionResponse', description: 'The version created.' },
    errors: ['409', '422'],
  },
  {
    call: 'agents.execute',
    method: 'post',
    path: '/agents/{agent_id}/execute',
    tag: 'agents',
    summary: 'Execute an agent',
    description:
      'Runs the agent (its current version unless `version_id` says otherwise). When the version requires approval, the execution stops at `awaiting_approval` and an approval request is created.',
    scope: 'agents:execute',
    pathId: agent,
    body: {
      name: 'ExecuteRequest',
      schema: z.omit(ExecuteParamsSchema, { agent_id: true }),
      description: 'The run: its input object and optional session, version and sync flag.',
    },
    success: { status: 201, component: 'ExecutionResponse', description: 'The execution started.' },
    errors: ['409', '422'],
  },
  {
    call: 'executions.list',
    method: 'get',
    path: '/executions',
    tag: 'executions',
    summary: 'List executions',
    description: 'A page of the workspace executions, newest first, filtered by agent, session and status.',
    scope: 'executions:read',
    query: ExecutionListParamsSchema,
    statusFilter: 'ExecutionStatus',
    success: { status: 200, component: 'ExecutionList', description: 'A page of executions.' },
  },
  {
    call: 'executions.get',
    method: 'get',
    path: '/executions/{execution_id}',
    tag: 'executions',
    summary: 'Get an execution',
    description: 'One execution.',
    scope: 'executions:read',
    pathId: execution,
    success: { status: 200, component: 'ExecutionResponse', description: 'The execution.' },
  },
  {
    call: 'executions.pending_approval',
    method: 'get',
    path: '/executions/{execution_id}/pending-approval',
    tag: 'executions',
    summary: 'Get the pending approval of an execution',
    description: 'The approval request an execution waits for; 404 when it waits for none.',
    scope: 'executions:read',
    pathId: execution,
    success: { status: 200, component: 'ApprovalRequestResponse', description: 'The pending approval request.' },
  },
  {
    call: 'approvals.list',
    method: 'get',
    path: '/approvals',
    tag: 'approvals',
    summary: 'List approval requests',
    description:
      'A page of the workspace approval requests, newest first. PromptRails documents the `status` filter; `agent_id`, `checkpoint_name` and `execution_id` are our choice.',
    scope: 'approvals:read',
    query: ApprovalListParamsSchema,
    ourQuery: ['agent_id', 'checkpoint_name', 'execution_id'],
    statusFilter: 'ApprovalStatus',
    success: { status: 200, component: 'ApprovalRequestList', description: 'A page of approval requests.' },
  },
  {
    call: 'approvals.get',
    method: 'get',
    path: '/approvals/{approval_id}',
    tag: 'approvals',
    summary: 'Get an approval request',
    description: 'One approval request.',
    scope: 'approvals:read',
    pathId: approval,
    success: { status: 200, component: 'ApprovalRequestResponse', description: 'The approval request.' },
  },
  {
    call: 'approvals.decide',
    method: 'post',
    path: '/approvals/{approval_id}/decide',
    tag: 'approvals',
    summary: 'Decide an approval request',
    description:
      '`approved` completes the execution and delivers its output; `rejected` marks it rejected. Deciding a request that is no longer pending is a conflict: 409 by the REST norm, 400 with the message `approval has already been decided` from the PromptRails emulator. Treat both alike.',
    scope: 'approvals:write',
    pathId: approval,
    body: {
      name: 'DecideRequest',
      schema: z.omit(DecideParamsSchema, { approval_id: true }),
      description: 'The decision, and an optional reason the reviewer gives.',
    },
    success: { status: 200, component: 'ApprovalRequestResponse', description: 'The approval request as decided.' },
    errors: ['409', '422'],
  },
]
