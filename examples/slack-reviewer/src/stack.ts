// Everything around the reviewer, as a small deployment would run it: a PromptRails API (here
// the mock) sending signed webhooks to createWebhookHandler, and Slack's interactivity
// endpoint at /slack/interactions. Every hop is real HTTP.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Signoff } from '@signoff/client'
import { startMockServer } from '@signoff/mock/node'
import { createWebhookHandler } from '@signoff/node'
import { SlackReviewer, type SlackReviewerOptions } from '@signoff/slack'

export interface StackOptions extends Pick<SlackReviewerOptions, 'token' | 'signingSecret' | 'channel' | 'canDecide' | 'slackApiUrl'> {
  /** The port of the interactivity endpoint; 0 picks a free one. */
  port: number
}

async function listen(server: Server, port: number): Promise<string> {
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

export async function startStack(options: StackOptions) {
  // A fresh webhook secret for this run, shared by the mock and the receiver, never printed.
  const webhookSecret = `whsec_${Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64')}`
  const api = await startMockServer()
  const client = new Signoff({ apiKey: api.mock.store.defaults.apiKey, baseUrl: api.url })
  const { port, ...reviewerOptions } = options
  const slack = new SlackReviewer(client, { ...reviewerOptions, onError: (error) => console.error(`slack reviewer: ${String(error)}`) })

  const webhooks = createServer(createWebhookHandler({ secret: webhookSecret, on: slack.webhookHandlers() }))
  const webhooksUrl = await listen(webhooks, 0)
  api.mock.store.addWebhookEndpoint({ url: `${webhooksUrl}/webhooks/promptrails`, secret: webhookSecret })

  const interactions = slack.interactionHandler()
  const app = createServer((request, response) => {
    if (request.url === '/slack/interactions') return interactions(request, response)
    response.writeHead(404).end()
  })
  const interactionsUrl = `${await listen(app, port)}/slack/interactions`

  const agent = api.mock.store.createAgent({
    name: 'Support replies',
    config: { approval_required: true, checkpoint_name: 'review_reply', approval_expires_in_seconds: 24 * 3600 },
  })

  return {
    client,
    api,
    slack,
    interactionsUrl,
    /** Runs the agent; its run pauses and the reviewer posts it to Slack. */
    async pause(message: string) {
      const execution = await client.agents.execute({ agent_id: agent.id, input: { message } })
      const approval = await client.executions.pending_approval(execution.id)
      await this.settle()
      return approval
    },
    /** Waits for webhooks under way and for the reviewer's work after each click. */
    async settle() {
      for (let round = 0; round < 3; round++) {
        await api.mock.idle()
        await slack.idle()
      }
    },
    async close() {
      await slack.idle()
      for (const server of [webhooks, app]) {
        server.closeAllConnections()
        server.close()
      }
      await api.close()
    },
  }
}
