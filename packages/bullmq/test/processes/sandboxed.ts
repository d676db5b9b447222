// A sandboxed processor file: BullMQ runs it in a child process of its own, and the gate
// works there with the SandboxedJob it is given.
import type { SandboxedJob } from 'bullmq'
import { ApprovalGate } from '../../dist/index.js'
import { client, gateOptions } from './env.ts'

const api = client()
const gate = new ApprovalGate(api, gateOptions())

export default async function process(job: SandboxedJob<{ message: string; agentId: string }>, token?: string) {
  const execution = await gate.step(job, 'execute', ({ idempotencyKey }) =>
    api.agents.execute(job.data.agentId, { input: { message: job.data.message } }, { idempotencyKey }),
  )
  const approval = await gate.wait(job, token, { execution_id: execution.id })
  return { status: approval.status, runs: job.attemptsStarted }
}
