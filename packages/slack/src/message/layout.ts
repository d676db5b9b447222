import type { ApprovalRequest } from '@signoff/client'
import type { KnownBlock, SectionBlock } from '@slack/types'
import { ACTION_IDS } from './actions.js'
import { cutPlainText, escapeAndCut, escapeSlackText } from './escape.js'
import { SLACK_LIMITS } from './limits.js'
import { slackDate } from './slack-date.js'
import { shownValues, type ShownValue } from './values.js'

/** A Slack message: the notification text and the Block Kit blocks. */
export interface ApprovalMessage {
  /** Plain text for notifications and clients that cannot show blocks. */
  text: string
  /** The blocks shown (Block Kit). */
  blocks: KnownBlock[]
}

/**
 * The default layout of an approval: what was asked, by which agent, the run's input and
 * output (each cut to fit a section, with a "Show all" button), and when it was created and
 * expires. The buttons, or the outcome once decided, are added below it by the reviewer.
 * Every piece of text from the run is escaped.
 */
export function defaultApprovalLayout(approval: ApprovalRequest): ApprovalMessage {
  const checkpoint = approval.checkpoint_name
  // plain_text is shown as written (no mentions, no entities), so it is cut, not escaped.
  const header = cutPlainText(`Approval needed: ${checkpoint}`, SLACK_LIMITS.headerText)
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: header } },
    {
      type: 'section',
      fields: [
        field('Agent', `\`${escapeSlackText(approval.agent_id)}\``),
        field('Execution', `\`${escapeSlackText(approval.execution_id)}\``),
        field('Created', slackDate(approval.created_at)),
        field('Expires', approval.expires_at ? slackDate(approval.expires_at) : 'never'),
      ],
    },
    ...shownValues(approval).map((value) => valueSection(approval.id, value)),
  ]
  return { text: `Approval needed: ${escapeSlackText(checkpoint)} (agent ${escapeSlackText(approval.agent_id)})`, blocks }
}

const field = (label: string, value: string) => ({ type: 'mrkdwn' as const, text: `*${label}*\n${value}` })

// Room kept for the label, the code fences and the "cut" note inside the 3,000 characters.
const FRAME = 120

function valueSection(approvalId: string, value: ShownValue): SectionBlock {
  const { text, omitted } = escapeAndCut(value.text, SLACK_LIMITS.sectionText - FRAME)
  // Triple backticks inside a value would close the code block early.
  const body = value.json ? `\`\`\`${text.replaceAll('```', '`\u200b``')}\`\`\`` : text
  const note = omitted > 0 ? `\n_… ${omitted} more characters: Show all_` : ''
  const section: SectionBlock = { type: 'section', text: { type: 'mrkdwn', text: `*${value.label}*\n${body}${note}` } }
  if (omitted > 0) {
    section.accessory = {
      type: 'button',
      text: { type: 'plain_text', text: 'Show all' },
      action_id: ACTION_IDS.showAll,
      value: `${approvalId}|${value.key}`,
    }
  }
  return section
}
