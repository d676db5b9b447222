import type { Signoff } from '@signoff/client'
import type { WebhookHandlers } from '@signoff/node'
import { createInteractionEndpoint, type InteractionWork, type SlackRequestHandler } from '../interactions/endpoint.js'
import { defaultApprovalLayout } from '../message/layout.js'
import { fullValueView, loadingView, readRejectModalState, rejectModal } from '../message/views.js'
import { shownValue } from '../message/values.js'
import { MemoryMessageStore } from '../store/message-store.js'
import { Decisions, type DecisionRequest } from './decisions.js'
import { ApprovalMessages } from './messages.js'
import { resolveOptions, type ResolvedOptions, type SlackReviewerOptions } from './options.js'
import { SlackApi } from './slack-api.js'

/**
 * Reviewers decide in Slack. Each paused run gets a message in a channel with its input and
 * output and Approve / Reject buttons; the message is rewritten to show the outcome, who
 * decided, when and why, wherever the decision was made. Who decided in Slack is recorded in
 * the decision's reason as `<@U…>` (see {@link formatSlackDecision}).
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http'
 * import { createWebhookHandler } from '@signoff/node'
 * import { SlackReviewer } from '@signoff/slack'
 *
 * const slack = new SlackReviewer(client, {
 *   token: process.env.SLACK_BOT_TOKEN,
 *   signingSecret: process.env.SLACK_SIGNING_SECRET,
 *   channel: '#approvals',
 *   canDecide: (user) => reviewers.has(user.id),
 * })
 * createServer(createWebhookHandler({ secret, on: slack.webhookHandlers() })).listen(3000)
 * createServer(slack.interactionHandler()).listen(3001) // the app's Interactivity Request URL
 * ```
 */
export class SlackReviewer {
  readonly #options: ResolvedOptions
  readonly #slack: SlackApi
  readonly #messages: ApprovalMessages
  readonly #decisions: Decisions
  readonly #report: (error: unknown) => void
  readonly #pending = new Set<Promise<void>>()

  /** Checks the options (an `InvalidRequestError` names every bad one); sends nothing yet. */
  constructor(client: Signoff, options: SlackReviewerOptions) {
    this.#options = resolveOptions(options)
    const onError = options.onError
    this.#report = (error) => onError?.(error)
    this.#slack = new SlackApi({
      token: this.#options.token,
      slackApiUrl: options.slackApiUrl,
      timeout: this.#options.slackTimeout,
      retries: this.#options.slackRetries,
      logger: options.logger,
    })
    const store = options.store ?? new MemoryMessageStore()
    this.#messages = new ApprovalMessages(this.#slack, store, this.#options.channel, options.render ?? defaultApprovalLayout)
    this.#decisions = new Decisions(client, this.#slack, this.#messages, this.#options.canDecide, this.#report)
  }

  /**
   * Handlers for `createWebhookHandler` from `@signoff/node`: post a message when a run
   * pauses, rewrite it when the approval is decided or expires. A Slack failure throws, so
   * the receiver answers 500 and the delivery is retried later.
   */
  webhookHandlers(): WebhookHandlers<unknown> {
    return {
      'execution.awaiting_approval': (event) => this.#messages.post(event.data.approval),
      'approval.decided': (event) => this.#messages.refresh(event.data.approval),
      'approval.expired': (event) => this.#messages.refresh(event.data.approval),
    }
  }

  /**
   * The handler of the Slack app's Interactivity Request URL, for `node:http`, Express or
   * Connect. Mount it before any body parser (`express.urlencoded()` consumes the body the
   * signature covers), or keep the raw body: `express.raw({ type: 'application/x-www-form-urlencoded' })`
   * on its route, or `rawBody` set by a parser's `verify` hook.
   */
  interactionHandler(): SlackRequestHandler {
    return createInteractionEndpoint({
      signingSecret: this.#options.signingSecret,
      maxBodyBytes: this.#options.maxBodyBytes,
      toleranceSeconds: this.#options.toleranceSeconds,
      work: this.#work(),
      later: (task) => this.#later(task),
      onError: this.#report,
    })
  }

  /** Resolves once all work started by clicks and submissions so far has finished (for tests and shutdown). */
  async idle(): Promise<void> {
    while (this.#pending.size > 0) await Promise.allSettled([...this.#pending])
  }

  #later(task: () => Promise<void>): void {
    const running = task().catch((error: unknown) => this.#report(error))
    this.#pending.add(running)
    void running.finally(() => this.#pending.delete(running))
  }

  #work(): InteractionWork {
    const decide = (request: DecisionRequest) =>
      this.#decisions.decide(request).catch(async (error: unknown) => {
        this.#report(error)
        if (request.message === undefined) return
        const text = 'Your decision could not be recorded (the approvals service did not answer as expected). Please try again.'
        await this.#slack.tell(request.message.channel, request.user.id, text)
      })
    return {
      approve: (approvalId, user, message) => decide({ approvalId, decision: 'approved', user, message }),
      openReject: async (approvalId, triggerId, message) => {
        await this.#slack.openView(triggerId, rejectModal({ approvalId, message }))
      },
      reject: async (view, reason, user) => {
        const state = readRejectModalState(view.view.private_metadata ?? '')
        if (state === undefined) return
        await decide({ approvalId: state.approvalId, decision: 'rejected', user, reason, message: state.message })
      },
      showAll: async (approvalId, key, triggerId) => {
        const label = key === 'output' ? 'Output' : key === 'input' ? 'Input' : 'Payload'
        const viewId = await this.#slack.openView(triggerId, loadingView(label))
        if (viewId === undefined) return
        const approval = await this.#decisions.read(approvalId)
        await this.#slack.updateView(viewId, fullValueView(shownValue(approval, key)))
      },
    }
  }
}
