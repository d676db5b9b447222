// One reviewer wired as in production, every hop over real HTTP on 127.0.0.1: the mock
// PromptRails server sends signed webhooks to createWebhookHandler, the reviewer posts to a
// fake Slack, and the fake's "people" click, signed as Slack signs, into the interactivity
// endpoint. The mock's clock is injected, so expiry and webhook retries move only when a test
// says so (by less than the receivers' 5-minute tolerance: webhooks carry the mock's time).
import { createServer, type RequestListener, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Signoff, type ApprovalRequest } from '@signoff/client'
import type { JsonObject } from '@signoff/schemas'
import { startMockServer, type MockServer } from '@signoff/mock/node'
import { createWebhookHandler } from '@signoff/node'
import { SlackReviewer, type SlackReviewerOptions } from '@signoff/slack'
import { startFakeSlack, type FakeSlack, type FakeSlackMessage } from '@signoff/slack/testing'

export const WEBHOOK_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
export const ALICE = { id: 'U0ALICE01', name: 'alice' }
export const BOB = { id: 'U0BOB0002', name: 'bob' }

export interface Listening {
  url: string
  server: Server
}

export async function listen(handler: RequestListener): Promise<Listening> {
  const server = createServer(handler)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server }
}

async function stop({ server }: Listening): Promise<void> {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
}

export type ReviewerOptions = Partial<SlackReviewerOptions>

export class Harness {
  readonly errors: unknown[] = []
  readonly reviewers: SlackReviewer[] = []
  readonly #servers: Listening[] = []
  now = Date.now()
  slack!: FakeSlack
  api!: MockServer
  client!: Signoff
  agentId = ''

  static async start(options: ReviewerOptions = {}): Promise<Harness> {
    const harness = new Harness()
    harness.slack = await startFakeSlack()
    harness.api = await startMockServer({ clock: () => new Date(harness.now), webhookTimeoutMs: 10_000 })
    harness.client = new Signoff({ apiKey: harness.api.mock.store.defaults.apiKey, baseUrl: harness.api.url, maxRetries: 0 })
    harness.agentId = harness.api.mock.store.createAgent({
      name: 'Support replies',
      config: { approval_required: true, checkpoint_name: 'review_reply', approval_expires_in_seconds: 120 },
    }).id
    const reviewer = harness.reviewer(options)
    harness.slack.interactivityUrl = (await harness.serve(reviewer.interactionHandler())).url
    await harness.receiveWebhooks(reviewer)
    return harness
  }

  /** A reviewer as a process would create it (several model several processes). */
  reviewer(options: ReviewerOptions = {}): SlackReviewer {
    const reviewer = new SlackReviewer(this.client, {
      token: this.slack.token,
      signingSecret: this.slack.signingSecret,
      channel: '#approvals',
      slackApiUrl: this.slack.url,
      onError: (error) => this.errors.push(error),
      ...options,
    })
    this.reviewers.push(reviewer)
    return reviewer
  }

  async serve(handler: RequestListener): Promise<Listening> {
    const listening = await listen(handler)
    this.#servers.push(listening)
    return listening
  }

  /** Points the mock's webhooks at `reviewer`; answers the endpoint id. */
  async receiveWebhooks(reviewer: SlackReviewer): Promise<string> {
    const handler = createWebhookHandler({ secret: WEBHOOK_SECRET, on: reviewer.webhookHandlers(), onError: (error) => this.errors.push(error) })
    const { url } = await this.serve(handler)
    return this.api.mock.store.addWebhookEndpoint({ url, secret: WEBHOOK_SECRET })
  }

  /** Waits until every webhook attempt and every reviewer's background work has finished. */
  async settle(): Promise<void> {
    for (let round = 0; round < 3; round++) {
      await this.api.mock.idle()
      await Promise.all(this.reviewers.map((reviewer) => reviewer.idle()))
    }
  }

  /** Runs the agent so it pauses for approval; answers the approval and its Slack message. */
  async pause(input: JsonObject = { message: 'Where is my order #1042?' }): Promise<{ approval: ApprovalRequest; message: FakeSlackMessage }> {
    const execution = this.api.mock.store.execute(this.agentId, input)
    await this.settle()
    const [approval] = this.api.mock.store.listApprovals({ execution_id: execution.id })
    if (approval === undefined) throw new Error('the run did not pause')
    const message = this.messageOf(approval.id)
    if (message === undefined) throw new Error('no Slack message was posted for the approval')
    return { approval, message }
  }

  /** The Slack message whose buttons (or "Show all") carry this approval's id. */
  messageOf(approvalId: string): FakeSlackMessage | undefined {
    return this.slack.messages.find((message) => JSON.stringify(message.blocks).includes(`"value":"${approvalId}`))
  }

  approval(id: string): ApprovalRequest {
    const approval = this.api.mock.store.getApproval(id)
    if (approval === undefined) throw new Error(`no approval ${id}`)
    return approval
  }

  /** Decide calls that reached the mock, whatever it answered. */
  decideCalls(): number {
    return this.api.mock.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/decide')).length
  }

  async close(): Promise<void> {
    await Promise.all(this.reviewers.map((reviewer) => reviewer.idle()))
    await Promise.all(this.#servers.map(stop))
    await this.api.close()
    await this.slack.close()
  }
}

/** Every button's action id in a message, in order. */
export function buttonsOf(message: FakeSlackMessage): string[] {
  return JSON.stringify(message.blocks).match(/"action_id":"[a-z_]+"/g)?.map((match) => match.slice(13, -1)) ?? []
}
