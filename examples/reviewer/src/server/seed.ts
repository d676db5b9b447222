// Demo data for the page: an agent whose replies need approval, and a few runs waiting for one.
import { Signoff } from '@signoff/client'
import type { MockServer } from '@signoff/mock/node'

/** Questions customers asked; the mock's agent drafts a reply to each, held for review. */
export const DEMO_QUESTIONS = [
  'Where is my order #1042? It was due on Monday.',
  'Can I get a refund on a used item?\nI opened it but never used it.',
  'Do you ship to Norway, and how long does it take?',
]

/** Creates the agent and runs it once per question; resolves with the pending approvals' ids. */
export async function seedDemo(server: MockServer, questions: readonly string[] = DEMO_QUESTIONS): Promise<string[]> {
  const agent = server.mock.store.createAgent({
    name: 'Support replies',
    config: { approval_required: true, checkpoint_name: 'review_response', approval_expires_in_seconds: 3_600 },
  })
  // This runs in Node, beside the mock, so it may hold the key; the page never does.
  const client = new Signoff({ apiKey: server.mock.store.defaults.apiKey, baseUrl: server.url })
  for (const message of questions) {
    await client.agents.execute({ agent_id: agent.id, input: { message, customer: { name: 'Dana', plan: 'Pro' } } })
  }
  return server.mock.store.listApprovals({ status: 'pending', agent_id: agent.id }).map((approval) => approval.id)
}
