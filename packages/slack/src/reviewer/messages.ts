import type { ApprovalRequest } from '@signoff/client'
import { composeMessage, type RenderApproval } from '../message/compose.js'
import type { MessageRef } from '../message/views.js'
import type { MessageStore } from '../store/message-store.js'
import type { ChannelOption } from './options.js'
import type { SlackApi } from './slack-api.js'

/**
 * The one Slack message of each approval: posted when the run pauses, rewritten whenever the
 * approval changes, wherever it was decided.
 */
export class ApprovalMessages {
  readonly #slack: SlackApi
  readonly #store: MessageStore
  readonly #channel: ChannelOption
  readonly #render: RenderApproval
  // Posts under way, so a redelivery racing the first delivery joins it instead of posting twice.
  readonly #posting = new Map<string, Promise<void>>()

  constructor(slack: SlackApi, store: MessageStore, channel: ChannelOption, render: RenderApproval) {
    this.#slack = slack
    this.#store = store
    this.#channel = channel
    this.#render = render
  }

  /** The message for an approval as it stands. */
  compose(approval: ApprovalRequest) {
    return composeMessage(approval, this.#render)
  }

  /** Posts the approval's message, unless one is already known for it. */
  post(approval: ApprovalRequest): Promise<void> {
    const running = this.#posting.get(approval.id)
    if (running) return running
    const posting = this.#post(approval).finally(() => this.#posting.delete(approval.id))
    this.#posting.set(approval.id, posting)
    return posting
  }

  async #post(approval: ApprovalRequest): Promise<void> {
    if ((await this.#store.get(approval.id)) !== undefined) return
    const channel = typeof this.#channel === 'function' ? await this.#channel(approval) : this.#channel
    const message = await this.#slack.post(channel, this.compose(approval))
    await this.#store.set(approval.id, message)
  }

  /**
   * Rewrites the approval's message to show where it stands: buttons while pending, the
   * outcome once not. `at` is the message when the caller knows it (a click carries it);
   * otherwise the store is asked, and an approval with no known message is left alone.
   */
  async refresh(approval: ApprovalRequest, at?: MessageRef): Promise<void> {
    await this.#posting.get(approval.id)?.catch(() => undefined)
    const message = at ?? (await this.#store.get(approval.id))
    if (message === undefined) return
    await this.#slack.update(message, this.compose(approval))
    if (approval.status !== 'pending' && at === undefined) await this.#store.delete(approval.id)
  }
}
