import { isConflictError, type ApprovalRequest, type Decision, type Signoff } from '@signoff/client'
import { outcomeLine } from '../message/outcome.js'
import type { MessageRef } from '../message/views.js'
import { formatSlackDecision, parseSlackDecision, type SlackUser } from '../reviewer-identity.js'
import type { ApprovalMessages } from './messages.js'
import type { CanDecide } from './options.js'
import type { SlackApi } from './slack-api.js'

/** A decision asked for in Slack: who, what, and the message it was asked from. */
export interface DecisionRequest {
  approvalId: string
  decision: Decision
  user: SlackUser
  /** The reviewer's words (required for a rejection). */
  reason?: string | undefined
  message: MessageRef | undefined
}

/** How a decide call ended: the approval as it stands, and whether this call made the decision. */
interface Settled {
  approval: ApprovalRequest
  decidedHere: boolean
}

/**
 * Turns clicks into decisions. Within one process, concurrent clicks on one approval share
 * one read and one decide call; across processes the API's conflict answers the later ones.
 * Whoever did not win is told who did, visible to them only.
 */
export class Decisions {
  readonly #client: Signoff
  readonly #slack: SlackApi
  readonly #messages: ApprovalMessages
  readonly #canDecide: CanDecide
  readonly #onError: (error: unknown) => void
  readonly #reading = new Map<string, Promise<ApprovalRequest>>()
  readonly #deciding = new Map<string, Promise<Settled>>()

  constructor(client: Signoff, slack: SlackApi, messages: ApprovalMessages, canDecide: CanDecide, onError: (error: unknown) => void) {
    this.#client = client
    this.#slack = slack
    this.#messages = messages
    this.#canDecide = canDecide
    this.#onError = onError
  }

  /** Decides as `request.user` asked, if they may and the approval is still pending. */
  async decide(request: DecisionRequest): Promise<void> {
    const current = await this.read(request.approvalId)
    if (current.status !== 'pending') return this.#tooLate(request, current)
    if (!(await this.#allowed(request.user, current))) {
      return this.#tell(request, 'You are not allowed to decide this approval, so nothing was decided.')
    }
    // No await between this check and the set: the first click to get here owns the decision.
    let deciding = this.#deciding.get(request.approvalId)
    const owner = deciding === undefined
    if (deciding === undefined) {
      deciding = this.#send(request).finally(() => this.#deciding.delete(request.approvalId))
      this.#deciding.set(request.approvalId, deciding)
    }
    const settled = await deciding
    if (owner && settled.decidedHere) return this.#messages.refresh(settled.approval, request.message)
    return this.#tooLate(request, settled.approval)
  }

  /** Reads an approval; one read is shared by every click that arrives while it is under way. */
  read(approvalId: string): Promise<ApprovalRequest> {
    const running = this.#reading.get(approvalId)
    if (running) return running
    const reading = this.#client.approvals.get(approvalId).finally(() => this.#reading.delete(approvalId))
    this.#reading.set(approvalId, reading)
    return reading
  }

  async #allowed(user: SlackUser, approval: ApprovalRequest): Promise<boolean> {
    try {
      return (await this.#canDecide(user, approval)) === true
    } catch (error) {
      this.#onError(error)
      return false
    }
  }

  async #send(request: DecisionRequest): Promise<Settled> {
    const reason = formatSlackDecision(request.decision, request.user, request.reason)
    try {
      const approval = await this.#client.approvals.decide({ approval_id: request.approvalId, decision: request.decision, reason })
      return { approval, decidedHere: true }
    } catch (error) {
      if (!isConflictError(error)) throw error
      return { approval: error.approval ?? (await this.#client.approvals.get(request.approvalId)), decidedHere: false }
    }
  }

  /** The approval was settled by someone else (or expired): say so, and make the message show it. */
  async #tooLate(request: DecisionRequest, approval: ApprovalRequest): Promise<void> {
    await this.#messages.refresh(approval, request.message)
    const recorded = parseSlackDecision(approval.reason)
    const sameClick = recorded?.user.id === request.user.id && approval.status === request.decision
    // A double click: the message now shows the person their own decision; nothing to tell.
    if (sameClick) return
    const verb = approval.status === 'expired' ? 'This approval can no longer be decided' : 'Already decided'
    await this.#tell(request, `${verb}: ${outcomeLine(approval)}. Your click changed nothing.`)
  }

  async #tell(request: DecisionRequest, text: string): Promise<void> {
    if (request.message === undefined) return
    await this.#slack.tell(request.message.channel, request.user.id, text)
  }
}
