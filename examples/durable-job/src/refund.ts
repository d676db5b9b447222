// The refund workflow, as a BullMQ processor: the agent drafts the reply (once), a person
// approves or rejects it (the job parks meanwhile, holding no worker), then the job acts.
import type { ApprovalGate } from '@signoff/bullmq'
import type { Signoff } from '@signoff/client'
import type { Job } from 'bullmq'

/** A refund request, as the producer queues it. */
export interface RefundRequest {
  customer: string
  message: string
  agentId: string
}

/** What a finished job returns. */
export interface RefundOutcome {
  customer: string
  action: 'refunded' | 'declined' | 'escalated'
  reason: string | null
}

export function refundProcessor(client: Signoff, gate: ApprovalGate, say: (line: string) => void) {
  return async (job: Job<RefundRequest>, token?: string): Promise<RefundOutcome> => {
    const { customer, message, agentId } = job.data
    // Kept in the job's data: after a wake-up, or in another worker, it is not run again.
    const execution = await gate.step(job, 'draft', async ({ idempotencyKey }) => {
      const made = await client.agents.execute(agentId, { input: { customer, message } }, { idempotencyKey })
      say(`${customer}: the reply waits for approval (execution ${made.id})`)
      return made
    })
    // Pending: parks the job and throws BullMQ's DelayedError, which frees this worker.
    const approval = await gate.wait(job, token, { execution_id: execution.id })
    const action = approval.status === 'approved' ? 'refunded' : approval.status === 'rejected' ? 'declined' : 'escalated'
    return gate.step(job, 'act', () => {
      say(`${customer}: ${action}`)
      return { customer, action, reason: approval.reason ?? null }
    })
  }
}
