import { LogLevel, WebClient, WebAPIPlatformError, type Logger } from '@slack/web-api'
import type { ModalView } from '@slack/types'
import type { ApprovalMessage } from '../message/layout.js'
import type { MessageRef } from '../message/views.js'

/** How the reviewer reaches Slack. */
export interface SlackApiOptions {
  token: string
  slackApiUrl: string | undefined
  timeout: number
  retries: number
  logger: Logger | undefined
}

// Errors meaning the message is gone (deleted, or the app left the channel): nothing to update.
const GONE = new Set(['message_not_found', 'channel_not_found', 'cant_update_message', 'not_in_channel', 'is_archived'])

/**
 * Every Slack call the reviewer makes, through Slack's `WebClient`. The client is built for
 * request handlers: a short timeout, few retries and no waiting out rate limits (its defaults
 * retry for about 30 minutes), so a Slack outage fails a webhook delivery quickly and the
 * sender retries it later, instead of the delivery hanging until it is sent again.
 */
export class SlackApi {
  readonly #web: WebClient

  constructor(options: SlackApiOptions) {
    const url = options.slackApiUrl
    this.#web = new WebClient(options.token, {
      ...(url === undefined ? {} : { slackApiUrl: url.endsWith('/') ? url : `${url}/` }),
      timeout: options.timeout,
      retryConfig: { retries: options.retries, factor: 2, minTimeout: 200, maxTimeout: 1000, randomize: true },
      rejectRateLimitedCalls: true,
      ...(options.logger === undefined ? { logLevel: LogLevel.ERROR } : { logger: options.logger }),
    })
  }

  /** Posts a message; answers where it lives (the channel **id**, which `chat.update` needs). */
  async post(channel: string, message: ApprovalMessage): Promise<MessageRef> {
    const result = await this.#web.chat.postMessage({ channel, text: message.text, blocks: message.blocks })
    if (result.channel === undefined || result.ts === undefined) {
      throw new Error('chat.postMessage answered without the channel id and ts of the message')
    }
    return { channel: result.channel, ts: result.ts }
  }

  /**
   * Replaces a message's blocks (Slack keeps the old ones unless new ones are sent). Answers
   * `false` when the message is gone, which is not a failure to retry.
   */
  async update(message: MessageRef, content: ApprovalMessage): Promise<boolean> {
    try {
      await this.#web.chat.update({ channel: message.channel, ts: message.ts, text: content.text, blocks: content.blocks })
      return true
    } catch (error) {
      if (error instanceof WebAPIPlatformError && GONE.has(error.data.error)) return false
      throw error
    }
  }

  /** Tells one user something in a channel, visible to them only. */
  async tell(channel: string, user: string, text: string): Promise<void> {
    await this.#web.chat.postEphemeral({ channel, user, text })
  }

  /** Opens a modal; answers the view's id. */
  async openView(triggerId: string, view: ModalView): Promise<string | undefined> {
    const result = await this.#web.views.open({ trigger_id: triggerId, view })
    return result.view?.id
  }

  /** Replaces an open modal's content. */
  async updateView(viewId: string, view: ModalView): Promise<void> {
    await this.#web.views.update({ view_id: viewId, view })
  }
}
