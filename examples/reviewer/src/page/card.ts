// One pending approval: who asks, what it would send, and the decision form.
import type { ApprovalRequest, Decision } from '@signoff/client'
import { h } from './dom.ts'
import { fromNow, readableTime, shortId } from './format.ts'
import { payloadSections, renderValue } from './payload.ts'

/** Sends a decision; rejects with an error whose message the card shows. */
export type Decide = (decision: Decision, reason: string | undefined) => Promise<void>

/** A `<time>` reading "2 minutes ago"; every refresh rebuilds it, so it stays true. */
function relativeTime(timestamp: string, now: number): HTMLTimeElement {
  return h('time', { datetime: timestamp, title: readableTime(timestamp) }, fromNow(timestamp, now))
}

/**
 * Everything a card shows about an approval: its id, who asks, when, and the payload. A refresh
 * replaces this part only, so the decision form below it is never touched while someone types.
 */
function approvalDetails(approval: ApprovalRequest, agentName: string, now: number): HTMLElement {
  const expires = approval.expires_at
  const meta = h(
    'dl',
    { class: 'meta' },
    h('dt', {}, 'Agent'),
    h('dd', {}, agentName, ' ', h('code', { title: approval.agent_id }, shortId(approval.agent_id))),
    h('dt', {}, 'Checkpoint'),
    h('dd', {}, h('code', {}, approval.checkpoint_name)),
    h('dt', {}, 'Created'),
    h('dd', {}, relativeTime(approval.created_at, now)),
    h('dt', {}, 'Expires'),
    h('dd', {}, expires ? relativeTime(expires, now) : 'never'),
    h('dt', {}, 'Execution'),
    h('dd', {}, h('code', { title: approval.execution_id }, shortId(approval.execution_id))),
  )
  const sections = payloadSections(approval.payload).map(([title, value]) =>
    h('section', { class: 'payload' }, h('h3', {}, title), renderValue(value)),
  )
  return h(
    'div',
    { class: 'details' },
    h('h2', {}, 'Approval ', h('code', { title: approval.id }, shortId(approval.id))),
    meta,
    ...sections,
  )
}

/** Shows the latest state of an approval in its card, leaving the decision form as it is. */
export function updateCard(card: Element, approval: ApprovalRequest, agentName: string, now: number): void {
  card.querySelector(':scope > .details')?.replaceWith(approvalDetails(approval, agentName, now))
}

/** Builds the card of an approval. */
export function approvalCard(approval: ApprovalRequest, agentName: string, now: number, decide: Decide): HTMLElement {
  const reasonId = `reason-${approval.id}`
  const reason = h('textarea', { id: reasonId, rows: '2', placeholder: 'Required to reject; optional to approve' })
  const problem = h('p', { class: 'problem', role: 'alert' })
  const approve = h('button', { type: 'button', class: 'approve' }, 'Approve')
  const reject = h('button', { type: 'button', class: 'reject' }, 'Reject')

  const send = async (decision: Decision) => {
    const text = reason.value.trim()
    if (decision === 'rejected' && text === '') {
      // The agent's owner sees the reason for a rejection: it is what they fix next.
      problem.textContent = 'A reason is required to reject: say what is wrong so the agent’s owner can fix it.'
      reason.focus()
      return
    }
    problem.textContent = ''
    approve.disabled = reject.disabled = true
    try {
      await decide(decision, text === '' ? undefined : text)
    } catch (error) {
      problem.textContent = error instanceof Error ? error.message : String(error)
      approve.disabled = reject.disabled = false
    }
  }
  approve.addEventListener('click', () => void send('approved'))
  reject.addEventListener('click', () => void send('rejected'))

  return h(
    'article',
    { class: 'approval', 'data-approval-id': approval.id, 'aria-label': `Approval ${shortId(approval.id)}` },
    approvalDetails(approval, agentName, now),
    h(
      'div',
      { class: 'decision' },
      h('label', { for: reasonId }, 'Reason'),
      reason,
      h('div', { class: 'buttons' }, approve, reject),
      problem,
    ),
  )
}
