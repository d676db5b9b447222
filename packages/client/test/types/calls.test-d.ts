// Type tests of the agent and execution call functions: checked by `tsc -p test/tsconfig.json`,
// never run. Each `@ts-expect-error` proves a mistake is caught at compile time; each
// `expectTypeOf` that a function returns what the matching class method returns.
import { expectTypeOf } from 'vitest'
import * as z from 'zod/mini'
import {
  Signoff,
  createAgentVersion,
  executeAgent,
  getAgent,
  getExecution,
  getPendingApproval,
  listAgents,
  listExecutions,
  type Agent,
  type AgentVersion,
  type ApiPromise,
  type ApprovalRequest,
  type Execution,
  type ListPromise,
  type Transport,
} from '../../src/index.js'

declare const transport: Transport
declare const client: Signoff

export function returnWhatTheMethodsReturn() {
  expectTypeOf(listAgents(transport)).toEqualTypeOf<ListPromise<Agent>>()
  expectTypeOf(listAgents(transport)).toEqualTypeOf(client.agents.list())
  expectTypeOf(getAgent(transport, 'id')).toEqualTypeOf<ApiPromise<Agent>>()
  expectTypeOf(createAgentVersion(transport, 'id', { config: {} })).toEqualTypeOf<ApiPromise<AgentVersion>>()
  expectTypeOf(createAgentVersion(transport, { agent_id: 'id', config: {} }, { idempotencyKey: 'k' })).toEqualTypeOf<ApiPromise<AgentVersion>>()
  expectTypeOf(executeAgent(transport, { agent_id: 'id', input: {} })).toEqualTypeOf<ApiPromise<Execution>>()
  expectTypeOf(executeAgent(transport, 'id', { input: {} })).toEqualTypeOf(client.agents.execute('id', { input: {} }))
  expectTypeOf(listExecutions(transport)).toEqualTypeOf<ListPromise<Execution>>()
  expectTypeOf(getExecution(transport, { execution_id: 'id' })).toEqualTypeOf<ApiPromise<Execution>>()
  expectTypeOf(getPendingApproval(transport, 'id')).toEqualTypeOf<ApiPromise<ApprovalRequest>>()
  expectTypeOf(getPendingApproval(transport, 'id')).toEqualTypeOf(client.executions.pending_approval('id'))
}

export async function payloadSchemaGivesThePayloadType() {
  const Review = z.object({ input: z.object({ message: z.string() }) })
  const typed = await getPendingApproval(transport, 'id', { payloadSchema: Review })
  expectTypeOf(typed.payload).toEqualTypeOf<{ input: { message: string } }>()
  expectTypeOf((await getPendingApproval(transport, 'id')).payload).toEqualTypeOf<unknown>()
}

export function mistakesAreCaught() {
  // @ts-expect-error the first argument is a Transport, not a client
  void getExecution(client, 'id')
  // @ts-expect-error an id is a string
  void getAgent(transport, 42)
  // @ts-expect-error an id is a string
  void executeAgent(transport, { agent_id: null, input: {} })
  // @ts-expect-error the positional form needs the version's fields
  void createAgentVersion(transport, 'id')
  // @ts-expect-error a version needs a config
  void createAgentVersion(transport, { agent_id: 'id' })
  // @ts-expect-error a misspelt status filter
  void listExecutions(transport, { status: 'awaiting_aproval' })
  // @ts-expect-error per-call options are typed
  void listAgents(transport, {}, { timeout: '5s' })
  // @ts-expect-error idempotencyKey is a string
  void executeAgent(transport, 'id', { input: {} }, { idempotencyKey: 7 })
}
