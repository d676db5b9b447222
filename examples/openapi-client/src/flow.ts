// The approval loop, written against the generated client only: what a team outside TypeScript's
// reach (or without Signoff) gets from openapi.json.
import { pathToFileURL } from 'node:url'

interface Envelope<T> {
  data: T
}
interface Version {
  id: string
  is_current: boolean
  config: { approval_required?: boolean; checkpoint_name?: string } | null
}
/** The execute answer names the id `id` or `execution_id` (the document says either may come alone). */
interface Execution {
  id?: string
  execution_id?: string
  status: string
  output?: unknown
}
interface Approval {
  id: string
  execution_id: string
  status: string
  checkpoint_name: string
  decided_by?: string | null
}
type Call<Options, Data> = (options: Options & { throwOnError: true }) => Promise<{ data: Data; response: Response }>
type Path<Name extends string> = { path: Record<Name, string> }

/** The slice of the generated SDK this flow calls (the SDK is generated at run time, so it is declared here). */
export interface GeneratedSdk {
  client: { setConfig(config: { auth?: string; baseUrl?: string }): unknown }
  agentsCreateVersion: Call<Path<'agent_id'> & { body: Record<string, unknown> }, Envelope<Version>>
  agentsExecute: Call<Path<'agent_id'> & { body: { input: Record<string, unknown> } }, Envelope<Execution>>
  approvalsList: Call<{ query: { status?: string; agent_id?: string } }, Envelope<Approval[]> & { meta: Record<string, number> }>
  approvalsDecide: Call<Path<'approval_id'> & { body: { decision: 'approved' | 'rejected'; reason?: string } }, Envelope<Approval>>
  executionsGet: Call<Path<'execution_id'>, Envelope<Execution>>
}

/** Loads a generated SDK from its folder. */
export async function loadSdk(folder: string): Promise<GeneratedSdk> {
  // The modules did not exist when this file was compiled: their shape is the interface above.
  const operations = (await import(pathToFileURL(`${folder}/sdk.gen.ts`).href)) as Omit<GeneratedSdk, 'client'>
  const { client } = (await import(pathToFileURL(`${folder}/client.gen.ts`).href)) as Pick<GeneratedSdk, 'client'>
  return { ...operations, client }
}

/** What the flow saw, step by step. */
export interface FlowResult {
  version: Version
  pending: Approval[]
  decided: Approval[]
  executions: Execution[]
}

/**
 * Makes the agent's runs wait for approval, runs it twice, approves the first run and rejects
 * the second, and reads both executions back.
 */
export async function runApprovalFlow(sdk: GeneratedSdk, agentId: string, apiKey: string, baseUrl?: string): Promise<FlowResult> {
  // `servers` in the document the client was generated from already points at an API, so only
  // the key is needed unless the client should call another server.
  sdk.client.setConfig(baseUrl === undefined ? { auth: apiKey } : { auth: apiKey, baseUrl })
  const path = { agent_id: agentId }
  const { data: version } = await sdk.agentsCreateVersion({
    path,
    body: { config: { approval_required: true, checkpoint_name: 'review_response', temperature: 0.7 }, message: 'Added approval', set_current: true },
    throwOnError: true,
  })
  const questions = ['Where is my order?', 'Can I get a refund?']
  const runs = []
  for (const message of questions) runs.push((await sdk.agentsExecute({ path, body: { input: { message } }, throwOnError: true })).data.data)
  const { data: pending } = await sdk.approvalsList({ query: { status: 'pending', agent_id: agentId }, throwOnError: true })
  const decisions = [
    { decision: 'approved', reason: 'Accurate and polite' },
    { decision: 'rejected', reason: 'Refund policy misquoted' },
  ] as const
  const decided: Approval[] = []
  for (const [index, run] of runs.entries()) {
    const approval = pending.data.find((candidate) => candidate.execution_id === (run.id ?? run.execution_id))
    if (approval === undefined) throw new Error(`no pending approval for run ${index + 1}`)
    const body = decisions[index] ?? decisions[0]
    decided.push((await sdk.approvalsDecide({ path: { approval_id: approval.id }, body, throwOnError: true })).data.data)
  }
  const executions: Execution[] = []
  for (const approval of decided) {
    executions.push((await sdk.executionsGet({ path: { execution_id: approval.execution_id }, throwOnError: true })).data.data)
  }
  return { version: version.data, pending: pending.data, decided, executions }
}
