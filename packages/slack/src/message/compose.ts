import type { ApprovalRequest } from '@signoff/client'
import type { KnownBlock } from '@slack/types'
import { decisionButtons } from './actions.js'
import type { ApprovalMessage } from './layout.js'
import { SLACK_LIMITS } from './limits.js'
import { outcomeBlocks } from './outcome.js'

/** Lays out an approval's content; the default is {@link defaultApprovalLayout}. */
export type RenderApproval = (approval: ApprovalRequest) => ApprovalMessage

// Slack recommends keeping the notification text under 4,000 characters.
const MAX_TEXT = 4000

/**
 * The whole message for an approval as it stands: the rendered content, then the buttons
 * while it is pending, or the outcome (and no buttons) once it is not. Whatever `render`
 * returned is held to Slack's limits here, so a generous layout is cut, never refused.
 */
export function composeMessage(approval: ApprovalRequest, render: RenderApproval): ApprovalMessage {
  const content = render(approval)
  const tail = approval.status === 'pending' ? [decisionButtons(approval.id)] : outcomeBlocks(approval)
  const room = SLACK_LIMITS.messageBlocks - tail.length
  let blocks = content.blocks.map(fitSection)
  if (blocks.length > room) {
    const left = blocks.length - (room - 1)
    blocks = [
      ...blocks.slice(0, room - 1),
      { type: 'context', elements: [{ type: 'mrkdwn', text: `_${left} more blocks left out: Slack shows at most ${SLACK_LIMITS.messageBlocks}_` }] },
    ]
  }
  return { text: cutEscaped(content.text, MAX_TEXT), blocks: [...blocks, ...tail] }
}

function fitSection(block: KnownBlock): KnownBlock {
  if (block.type !== 'section' || block.text === undefined || block.text.text.length <= SLACK_LIMITS.sectionText) return block
  return { ...block, text: { ...block.text, text: cutEscaped(block.text.text, SLACK_LIMITS.sectionText) } }
}

// Cuts text that is already escaped, without leaving half an entity (`&am`) at the end.
function cutEscaped(text: string, max: number): string {
  if (text.length <= max) return text
  return `${text.slice(0, max - 1).replace(/&[a-z]{0,3}$/, '').replace(/[\uD800-\uDBFF]$/, '')}…`
}
