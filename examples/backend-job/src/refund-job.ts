// One backend job: a customer asks for a refund, an agent drafts the reply, a person must
// approve it before it is sent. The job runs the agent, waits for the decision (for as long
// as it takes), then acts on it. Nothing here knows how the wait is served: polls or webhooks.
import type { Signoff } from '@signoff/client'
import type { ApprovalWatcher } from '@signoff/node'

/** A customer's request, as the job receives it from a queue. */
export interface RefundRequest {
  customer: string
  message: string
}

/** What the job did, for the caller's log. */
export type JobOutcome =
  | { action: 'sent'; customer: string; approvedBy: string | null }
  | { action: 'discarded'; customer: string; reason: string | null }
  | { action: 'escalated'; customer: string }

/** What the job needs: the API, the shared watcher, the gated agent, and where to report progress. */
export interface JobContext {
  client: Signoff
  watcher: ApprovalWatcher
  agentId: string
  log: (line: string) => void
}

/** Runs the agent for one request and acts once a person has decided. */
export async function refundJob(context: JobContext, request: RefundRequest): Promise<JobOutcome> {
  const { client, watcher, agentId, log } = context
  const execution = await client.agents.execute({ agent_id: agentId, input: { message: request.message } })
  log(`${request.customer}: the agent's reply waits for approval (execution ${execution.id})`)

  // Minutes or days: the wait holds no request open and costs no poll of its own.
  const approval = await watcher.wait({ execution_id: execution.id }, { timeout: 7 * 24 * 3600_000 })

  if (approval.status === 'approved') return { action: 'sent', customer: request.customer, approvedBy: approval.decided_by ?? null }
  if (approval.status === 'rejected') return { action: 'discarded', customer: request.customer, reason: approval.reason ?? null }
  // Expired, or a status this job does not know: a person should look at it.
  return { action: 'escalated', customer: request.customer }
}
