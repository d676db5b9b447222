import { InvalidRequestError, type ApprovalRequest, type SchemaIssue } from '@signoff/client'
import type { Logger } from '@slack/web-api'
import type { RenderApproval } from '../message/compose.js'
import type { MessageStore } from '../store/message-store.js'
import type { SlackUser } from '../reviewer-identity.js'

/** Who may decide an approval; may be async. A `false` (or a throw) refuses, and nothing is decided. */
export type CanDecide = (user: SlackUser, approval: ApprovalRequest) => boolean | Promise<boolean>

/** Where an approval's message goes: a channel name or id, or a function of the approval. */
export type ChannelOption = string | ((approval: ApprovalRequest) => string | Promise<string>)

/** Options of `SlackReviewer`. */
export interface SlackReviewerOptions {
  /** The app's bot token (`xoxb-…`); never logged or put in an error. @defaultValue `SLACK_BOT_TOKEN` */
  token?: string | undefined
  /** The app's signing secret, to check interaction requests. @defaultValue `SLACK_SIGNING_SECRET` */
  signingSecret?: string | undefined
  /**
   * Where each approval is posted: `'#approvals'`, a channel id, or a function of the
   * approval (for example by agent).
   *
   * @example
   * ```ts
   * channel: (approval) => (approval.agent_id === billingAgent ? '#billing-review' : '#approvals')
   * ```
   */
  channel: ChannelOption
  /**
   * Who may decide. Refused users are told so, visible to them only, and nothing is decided.
   * For a rejection it is asked when the modal is submitted. @defaultValue everyone in the channel
   *
   * @example
   * ```ts
   * canDecide: (user) => reviewers.has(user.id)
   * ```
   */
  canDecide?: CanDecide | undefined
  /** Lays out an approval's content; the buttons or the outcome are added below it. @defaultValue `defaultApprovalLayout` */
  render?: RenderApproval | undefined
  /** Which message shows which approval. @defaultValue a `MemoryMessageStore` (one process) */
  store?: MessageStore | undefined
  /** Slack's Web API base URL, for a fake in tests. @defaultValue `https://slack.com/api/` */
  slackApiUrl?: string | undefined
  /** Milliseconds per Slack call before it is abandoned. @defaultValue `3000` */
  slackTimeout?: number | undefined
  /** Retries of a failed Slack call (connection errors, 5xx). @defaultValue `1` */
  slackRetries?: number | undefined
  /** Slack's logger for its WebClient. @defaultValue errors only, to the console */
  logger?: Logger | undefined
  /** Called with every failure of work done after Slack was answered (never holds a secret). @defaultValue none: failures are not logged */
  onError?: ((error: unknown) => void) | undefined
  /** Largest interaction body accepted, in bytes; larger gets 413. @defaultValue `1048576` (1 MiB) */
  maxBodyBytes?: number | undefined
  /** Seconds a Slack request's timestamp may be off. @defaultValue `300` */
  toleranceSeconds?: number | undefined
}

/** The options with every default applied. */
export interface ResolvedOptions {
  token: string
  signingSecret: string
  channel: ChannelOption
  canDecide: CanDecide
  slackTimeout: number
  slackRetries: number
  maxBodyBytes: number
  toleranceSeconds: number
}

const positive = (value: number | undefined, fallback: number, path: string, issues: SchemaIssue[], min = 1): number => {
  const chosen = value ?? fallback
  if (!Number.isInteger(chosen) || chosen < min || chosen > 2 ** 31 - 1) {
    issues.push({ path: [path], message: `${path} must be a whole number from ${min} to ${2 ** 31 - 1}` })
  }
  return chosen
}

/** Applies defaults and checks the options; an `InvalidRequestError` names every bad one. */
export function resolveOptions(options: SlackReviewerOptions): ResolvedOptions {
  const issues: SchemaIssue[] = []
  const token = options.token ?? process.env['SLACK_BOT_TOKEN'] ?? ''
  const signingSecret = options.signingSecret ?? process.env['SLACK_SIGNING_SECRET'] ?? ''
  if (token.length === 0) issues.push({ path: ['token'], message: 'give the bot token (xoxb-…) or set SLACK_BOT_TOKEN' })
  if (signingSecret.length === 0) {
    issues.push({ path: ['signingSecret'], message: "give the app's signing secret or set SLACK_SIGNING_SECRET" })
  }
  const channel = options.channel
  if (typeof channel !== 'function' && (typeof channel !== 'string' || channel.trim().length === 0)) {
    issues.push({ path: ['channel'], message: "give a channel name or id ('#approvals'), or a function of the approval" })
  }
  const resolved: ResolvedOptions = {
    token,
    signingSecret,
    channel,
    canDecide: options.canDecide ?? (() => true),
    slackTimeout: positive(options.slackTimeout, 3000, 'slackTimeout', issues),
    slackRetries: positive(options.slackRetries, 1, 'slackRetries', issues, 0),
    maxBodyBytes: positive(options.maxBodyBytes, 1024 * 1024, 'maxBodyBytes', issues),
    toleranceSeconds: positive(options.toleranceSeconds, 300, 'toleranceSeconds', issues),
  }
  if (issues.length > 0) throw new InvalidRequestError('new SlackReviewer', issues)
  return resolved
}
