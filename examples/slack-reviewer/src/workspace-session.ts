// Against your Slack workspace: the reviewer posts to SLACK_CHANNEL and waits for a click.
// Slack must reach the interactivity endpoint: run a tunnel to PORT and set the app's
// Interactivity Request URL to <tunnel>/slack/interactions (docs/slack.md).
import { waitForDecision } from '@signoff/node'
import { startStack } from './stack.ts'

export async function runInWorkspace(env: { token: string; signingSecret: string; channel: string; port: number }): Promise<void> {
  const stack = await startStack({ token: env.token, signingSecret: env.signingSecret, channel: env.channel, port: env.port })
  try {
    console.log(`Interactivity endpoint listening at ${stack.interactionsUrl}`)
    const approval = await stack.pause('Can I get a refund for order #1042?')
    console.log(`→ posted approval ${approval.id} to ${env.channel}: approve or reject it in Slack (waiting up to 10 minutes)`)
    const decided = await waitForDecision(stack.client, { approval_id: approval.id }, { timeout: 10 * 60_000, interval: 2000 })
    await stack.settle()
    console.log(`✓ ${decided.status}: ${decided.reason ?? '(no reason)'}`)
  } finally {
    await stack.close()
  }
}
