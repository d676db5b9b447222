import type { KnownBlock, ModalView } from '@slack/types'
import { ACTION_IDS, REASON_INPUT } from './actions.js'
import { escapeAndCut } from './escape.js'
import { SLACK_LIMITS } from './limits.js'
import type { ShownValue } from './values.js'

/** Where a clicked message lives, carried through the modal so the outcome can update it. */
export interface MessageRef {
  /** The channel id (never a name: `chat.update` needs the id). */
  channel: string
  /** The message's timestamp, its id within the channel. */
  ts: string
}

/** What the reject modal carries from the click to its submission. */
export interface RejectModalState {
  approvalId: string
  message: MessageRef | undefined
}

/** Longest reason accepted in the modal: well inside the API's 10,000 with the identity added. */
export const MAX_REASON_LENGTH = 3000

/** The modal that asks why, opened by Reject. The reason is required. */
export function rejectModal(state: RejectModalState): ModalView {
  return {
    type: 'modal',
    callback_id: ACTION_IDS.rejectModal,
    private_metadata: JSON.stringify(state),
    title: { type: 'plain_text', text: 'Reject' },
    submit: { type: 'plain_text', text: 'Reject' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'input',
        block_id: REASON_INPUT.blockId,
        label: { type: 'plain_text', text: 'Why is this rejected?' },
        hint: { type: 'plain_text', text: 'Recorded with your Slack name in the decision.' },
        element: {
          type: 'plain_text_input',
          action_id: REASON_INPUT.actionId,
          multiline: true,
          min_length: 1,
          max_length: MAX_REASON_LENGTH,
        },
      },
    ],
  }
}

/** Reads the reject modal's state back; `undefined` when it is not ours or was tampered with. */
export function readRejectModalState(metadata: string): RejectModalState | undefined {
  try {
    const state: unknown = JSON.parse(metadata)
    if (typeof state !== 'object' || state === null || !('approvalId' in state) || typeof state.approvalId !== 'string') return undefined
    const message = 'message' in state ? state.message : undefined
    const ref =
      typeof message === 'object' && message !== null && 'channel' in message && 'ts' in message &&
      typeof message.channel === 'string' && typeof message.ts === 'string'
        ? { channel: message.channel, ts: message.ts }
        : undefined
    return { approvalId: state.approvalId, message: ref }
  } catch {
    return undefined
  }
}

const title = (label: string) => ({ type: 'plain_text' as const, text: label.slice(0, SLACK_LIMITS.viewTitle) })

/** Shown at once when "Show all" is clicked: the click's trigger lasts 3 s, the read may not. */
export function loadingView(label: string): ModalView {
  return {
    type: 'modal',
    title: title(label),
    close: { type: 'plain_text', text: 'Close' },
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '_Loading…_' } }],
  }
}

/** A value in full, split into as many sections as a modal holds (100 blocks). */
export function fullValueView(value: ShownValue | undefined): ModalView {
  const blocks: KnownBlock[] = []
  if (value === undefined) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: 'This approval no longer has that value.' } })
  } else {
    const fence = value.json ? '```' : ''
    let rest = value.text
    while (rest.length > 0 && blocks.length < SLACK_LIMITS.viewBlocks - 1) {
      const { text, omitted } = escapeAndCut(rest, SLACK_LIMITS.sectionText - 100)
      const shown = value.json ? text.replaceAll('```', '`\u200b``') : text
      blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `${fence}${shown}${fence}` } })
      rest = rest.slice(rest.length - omitted)
    }
    if (rest.length > 0) {
      blocks.push({
        type: 'context',
        elements: [{ type: 'mrkdwn', text: `_${rest.length} more characters do not fit in Slack: read the approval through the API_` }],
      })
    }
  }
  return { type: 'modal', title: title(value?.label ?? 'Approval'), close: { type: 'plain_text', text: 'Close' }, blocks }
}
