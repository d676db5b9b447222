import type { ServerResponse } from 'node:http'
import { ACTION_IDS, REASON_INPUT } from '../message/actions.js'
import type { MessageRef } from '../message/views.js'
import type { SlackUser } from '../reviewer-identity.js'
import { parseInteraction, slackUserOf, type BlockActions, type ViewSubmission } from './payload.js'
import { BodyTimeoutError, BodyTooLargeError, readRawBody, type ReceivedRequest } from '@signoff/node'
import { SlackVerificationError, verifySlackRequest } from './signature.js'

/** A request as `node:http`, Express or a body parser may have left it. */
export type SlackRequest = ReceivedRequest

/** A `node:http` listener that is also Express / Connect middleware. */
export type SlackRequestHandler = (request: SlackRequest, response: ServerResponse, next?: (error?: unknown) => void) => void

/** What a click or submission asks for, handed over once Slack has been answered. */
export interface InteractionWork {
  approve(approvalId: string, user: SlackUser, message: MessageRef | undefined): Promise<void>
  openReject(approvalId: string, triggerId: string, message: MessageRef | undefined): Promise<void>
  showAll(approvalId: string, key: string, triggerId: string): Promise<void>
  reject(view: ViewSubmission, reason: string, user: SlackUser): Promise<void>
}

/** How the endpoint is set up. */
export interface EndpointOptions {
  signingSecret: string
  maxBodyBytes: number
  toleranceSeconds: number
  work: InteractionWork
  /** Runs work after the answer, tracked so `idle()` can wait for it. */
  later: (task: () => Promise<void>) => void
  onError: (error: unknown) => void
}

// Slack sends a few kilobytes and waits 3 s at most: a body still arriving after 10 s never will.
const BODY_TIMEOUT_MS = 10_000

// A form body is ASCII by its format, so a string a text parser left encodes back to the signed bytes.
const RAW_BODY = {
  acceptText: true,
  remedy:
    "mount the interaction handler before express.urlencoded(), or use express.raw({ type: 'application/x-www-form-urlencoded' }) on its route",
}

/**
 * Slack's interactivity endpoint: checks the signature, answers at once (Slack waits 3 s at
 * most) and does the work after. A request that is not signed by Slack gets 401 and does
 * nothing at all.
 */
export function createInteractionEndpoint(options: EndpointOptions): SlackRequestHandler {
  const receive = async (request: SlackRequest, response: ServerResponse): Promise<void> => {
    if (request.method !== 'POST') return answer(response, 405)
    let body: Buffer
    try {
      const bytes = await readRawBody(request, { ...RAW_BODY, maxBytes: options.maxBodyBytes, timeoutMs: BODY_TIMEOUT_MS })
      body = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
      verifySlackRequest(body, request.headers, options)
    } catch (error) {
      options.onError(error)
      if (error instanceof BodyTooLargeError) return answer(response, 413)
      if (error instanceof BodyTimeoutError) return answer(response, 408)
      if (error instanceof SlackVerificationError) return answer(response, 401)
      return answer(response, 500)
    }
    const interaction = parseInteraction(body)
    if (interaction === undefined) return answer(response, 400)
    if (interaction.type === 'block_actions') return clicked(interaction, response)
    if (interaction.type === 'view_submission') return submitted(interaction, response)
    answer(response, 200)
  }

  const clicked = (click: BlockActions, response: ServerResponse): void => {
    answer(response, 200)
    const user = slackUserOf(click)
    const channel = click.container?.channel_id ?? click.channel?.id
    const ts = click.container?.message_ts ?? click.message?.ts
    const message = channel !== undefined && ts !== undefined ? { channel, ts } : undefined
    for (const action of click.actions) {
      const value = action.value ?? ''
      if (action.action_id === ACTION_IDS.approve) options.later(() => options.work.approve(value, user, message))
      // A trigger lasts 3 s and is single-use: the modal opens first, permission is asked on submit.
      if (action.action_id === ACTION_IDS.reject && click.trigger_id !== undefined) {
        const trigger = click.trigger_id
        options.later(() => options.work.openReject(value, trigger, message))
      }
      if (action.action_id === ACTION_IDS.showAll && click.trigger_id !== undefined) {
        const trigger = click.trigger_id
        const [approvalId = '', key = ''] = value.split('|')
        options.later(() => options.work.showAll(approvalId, key, trigger))
      }
    }
  }

  const submitted = (submission: ViewSubmission, response: ServerResponse): void => {
    if (submission.view.callback_id !== ACTION_IDS.rejectModal) return answer(response, 200)
    const reason = submission.view.state?.values[REASON_INPUT.blockId]?.[REASON_INPUT.actionId]?.value?.trim() ?? ''
    if (reason.length === 0) {
      // Whitespace passes Slack's own "required" check; the modal stays open with this under the field.
      return answerJson(response, { response_action: 'errors', errors: { [REASON_INPUT.blockId]: 'Say why this is rejected.' } })
    }
    // An empty 200 closes the modal; the decision is made after.
    answer(response, 200)
    options.later(() => options.work.reject(submission, reason, slackUserOf(submission)))
  }

  return (request, response, next) => {
    receive(request, response).catch((error: unknown) => {
      options.onError(error)
      if (next) next(error)
      else answer(response, 500)
    })
  }
}

function answer(response: ServerResponse, status: number): void {
  if (response.headersSent) return
  response.writeHead(status, { 'content-length': '0' })
  response.end()
}

function answerJson(response: ServerResponse, body: unknown): void {
  if (response.headersSent) return
  const text = JSON.stringify(body)
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) })
  response.end(text)
}
