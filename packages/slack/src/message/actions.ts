import type { ActionsBlock, Button } from '@slack/types'

/**
 * The `action_id`s and `callback_id` this package puts on what it sends, so the interactivity
 * endpoint knows its own clicks from another app's on the same URL.
 */
export const ACTION_IDS = {
  approve: 'signoff_approve',
  reject: 'signoff_reject',
  showAll: 'signoff_show_all',
  rejectModal: 'signoff_reject_reason',
} as const

/** The block and action ids of the reason input in the reject modal. */
export const REASON_INPUT = { blockId: 'signoff_reason', actionId: 'signoff_reason_text' } as const

/** The Approve and Reject buttons of a pending approval; each carries the approval id. */
export function decisionButtons(approvalId: string): ActionsBlock {
  const button = (text: string, actionId: string, style: Button['style']): Button => ({
    type: 'button',
    text: { type: 'plain_text', text },
    action_id: actionId,
    value: approvalId,
    ...(style === undefined ? {} : { style }),
  })
  return {
    type: 'actions',
    block_id: 'signoff_decision',
    elements: [button('Approve', ACTION_IDS.approve, 'primary'), button('Reject', ACTION_IDS.reject, 'danger')],
  }
}
