import type { ApprovalRequest } from '@signoff/client'
import type { KnownBlock } from '@slack/types'
import { parseSlackDecision } from '../reviewer-identity.js'
import { escapeAndCut, escapeSlackText } from './escape.js'
import { SLACK_LIMITS } from './limits.js'
import { slackDate } from './slack-date.js'

/**
 * Who decided, for people: the Slack mention when the decision was made in Slack, otherwise
 * the API's `decided_by` (escaped: it is text from elsewhere).
 */
export function describeDecider(approval: ApprovalRequest): string {
  const recorded = parseSlackDecision(approval.reason)
  if (recorded !== undefined) return `<@${recorded.user.id}>`
  return approval.decided_by ? escapeSlackText(approval.decided_by) : 'someone outside Slack'
}

/** The reviewer's own words: the part after the recorded identity, or the whole reason. */
function reasonWords(approval: ApprovalRequest): string | undefined {
  const recorded = parseSlackDecision(approval.reason)
  return recorded === undefined ? approval.reason ?? undefined : recorded.reason
}

/** One line saying how an approval ended, for the message and for the ephemeral replies. */
export function outcomeLine(approval: ApprovalRequest): string {
  const when = approval.decided_at ? ` on ${slackDate(approval.decided_at)}` : ''
  if (approval.status === 'approved') return `:white_check_mark: *Approved* by ${describeDecider(approval)}${when}`
  if (approval.status === 'rejected') return `:x: *Rejected* by ${describeDecider(approval)}${when}`
  if (approval.status === 'expired') {
    const at = approval.expires_at ? ` on ${slackDate(approval.expires_at)}` : ''
    return `:hourglass: *Expired*${at}: nobody decided in time`
  }
  return `*${escapeSlackText(approval.status)}*`
}

/** The blocks that replace the buttons once an approval is no longer pending. */
export function outcomeBlocks(approval: ApprovalRequest): KnownBlock[] {
  const blocks: KnownBlock[] = [{ type: 'divider' }, { type: 'section', text: { type: 'mrkdwn', text: outcomeLine(approval) } }]
  const words = reasonWords(approval)
  if (words) {
    const { text, omitted } = escapeAndCut(words, SLACK_LIMITS.sectionText - 40)
    const more = omitted > 0 ? ` _… ${omitted} more characters_` : ''
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `*Reason:* ${text}${more}` } })
  }
  return blocks
}
