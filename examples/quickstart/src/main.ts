// The quickstart: the whole approval loop against a mock PromptRails server on 127.0.0.1.
// Every call below is the real client making real HTTP requests; only the server is a mock.
import { Signoff } from '@signoff/client'
import { startMockServer } from '@signoff/mock/node'
import { bold, detail, dim, oneLine, short, status, step } from './print.ts'

const started = performance.now()
const server = await startMockServer()
try {
  console.log(bold('Signoff quickstart: a human-in-the-loop approval, end to end'))
  console.log(dim(`Mock PromptRails API at ${server.url} (in memory; nothing leaves this machine)`))

  const client = new Signoff({ apiKey: server.mock.store.defaults.apiKey, baseUrl: server.url })
  const agent = server.mock.store.createAgent({ name: 'Support replies', config: { temperature: 0.7 } })

  step(1, 'Require approval before the agent answers')
  const version = await client.agents.create_version({
    agent_id: agent.id,
    config: { approval_required: true, checkpoint_name: 'review_response', temperature: 0.7 },
    message: 'Added approval requirement for customer responses',
  })
  detail(`"${agent.name}" version ${version.version}: approval_required: true, checkpoint "review_response"`)

  step(2, 'Run the agent twice')
  const questions = ['Where is my order #1042?', 'Can I get a refund on a used item?']
  const executions = []
  for (const message of questions) {
    const execution = await client.agents.execute({ agent_id: agent.id, input: { message } })
    executions.push(execution)
    detail(`execution ${short(execution.id)}  "${message}"  → ${status(execution.status)}`)
  }

  step(3, 'A reviewer lists what waits for a decision')
  const pending = await client.approvals.list({ status: 'pending' })
  detail(`${pending.meta.total} pending approvals`)
  for (const approval of pending.data) {
    detail(`approval ${short(approval.id)}  agent ${short(approval.agent_id)}  checkpoint ${approval.checkpoint_name}`)
    const payload = (approval.payload ?? {}) as { input?: unknown; output?: unknown }
    detail(`  created ${approval.created_at}`)
    detail(`  input   ${oneLine(payload.input)}`)
    detail(`  draft   ${oneLine(payload.output)}`)
  }

  step(4, 'Approve one, reject the other, each with a reason')
  const [first, second] = executions
  if (first === undefined || second === undefined) throw new Error('expected two executions')
  const toApprove = await client.executions.pending_approval(first.id)
  const toReject = await client.executions.pending_approval(second.id)
  const approved = await client.approvals.decide({ approval_id: toApprove.id, decision: 'approved', reason: 'Accurate and polite' })
  detail(`approval ${short(approved.id)} → ${status(approved.status)} ("${approved.reason ?? ''}")`)
  const rejected = await client.approvals.decide(toReject.id, { decision: 'rejected', reason: 'Refund policy misquoted' })
  detail(`approval ${short(rejected.id)} → ${status(rejected.status)} ("${rejected.reason ?? ''}")`)

  step(5, 'The runs finish accordingly')
  for (const execution of executions) {
    const final = await client.executions.get(execution.id)
    const output = final.status === 'completed' ? `output delivered: ${oneLine(final.output)}` : 'output discarded'
    detail(`execution ${short(final.id)} → ${status(final.status)}  ${dim(output)}`)
  }

  const seconds = ((performance.now() - started) / 1000).toFixed(2)
  console.log(`\n${bold('Done')} in ${seconds} s. Next: the README's quickstart, or run every test with the README's test command.`)
} finally {
  await server.close()
}
