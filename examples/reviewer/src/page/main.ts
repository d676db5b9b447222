// The reviewer page. It talks to its own origin: the dev server's proxy forwards `/api/v1/*`
// to the API and adds the key there, so this page (and anyone reading its source) never has it.
import { ConflictError, Signoff, type ApprovalRequest, type Decision } from '@signoff/client'
import { approvalCard } from './card.ts'
import { h } from './dom.ts'
import { fromNow, shortId } from './format.ts'

const REFRESH_EVERY_MS = 10_000
const PAGE_SIZE = 50

const client = new Signoff({ baseUrl: window.location.origin })

const list = required('approvals')
const status = required('status')
const notice = required('notice')
const refreshButton = required('refresh')

const agentNames = new Map<string, Promise<string>>()
function agentName(agentId: string): Promise<string> {
  let name = agentNames.get(agentId)
  if (name === undefined) {
    name = client.agents.get(agentId).then(
      (agent) => agent.name,
      () => {
        agentNames.delete(agentId) // ask again on the next refresh
        return 'Agent'
      },
    )
    agentNames.set(agentId, name)
  }
  return name
}

let refreshing: Promise<void> | undefined
/** Reloads the pending list; concurrent calls share one request. */
function refresh(): Promise<void> {
  refreshing ??= load().finally(() => {
    refreshing = undefined
  })
  return refreshing
}

async function decide(approval: ApprovalRequest, decision: Decision, reason: string | undefined): Promise<void> {
  try {
    await client.approvals.decide(approval.id, reason === undefined ? { decision } : { decision, reason })
    notice.textContent = `${decision === 'approved' ? 'Approved' : 'Rejected'} ${shortId(approval.id)}.`
    notice.dataset['tone'] = 'done'
  } catch (error) {
    // Someone else decided first: their decision stands, and the list should show it.
    if (!(error instanceof ConflictError)) throw error
    notice.textContent = `${shortId(approval.id)} was already decided (${error.approval?.status ?? 'elsewhere'}).`
    notice.dataset['tone'] = 'warning'
  }
  // A refresh already under way may have read the list before this decision: wait for it,
  // then read again.
  await refreshing
  await refresh()
}

async function load(): Promise<void> {
  try {
    const page = await client.approvals.list({ status: 'pending', limit: PAGE_SIZE })
    const names = await Promise.all(page.data.map((approval) => agentName(approval.agent_id)))
    show(page.data, names)
    const shown = page.data.length < page.meta.total ? `showing ${page.data.length} of ${page.meta.total}` : `${page.meta.total} pending`
    status.textContent = `${shown} · updated ${new Date().toLocaleTimeString()}`
    status.removeAttribute('role')
  } catch (error) {
    status.textContent = `Could not load approvals: ${error instanceof Error ? error.message : String(error)}`
    status.setAttribute('role', 'alert')
  }
}

/**
 * Updates the list in place: cards of approvals still pending stay as they are (with any reason
 * being typed), decided ones leave, new ones join in the server's order.
 */
function show(approvals: readonly ApprovalRequest[], names: readonly string[]): void {
  const now = Date.now()
  const existing = new Map<string, Element>()
  for (const card of list.querySelectorAll('[data-approval-id]')) existing.set(card.getAttribute('data-approval-id') ?? '', card)
  const cards = approvals.map(
    (approval, index) =>
      existing.get(approval.id) ??
      approvalCard(approval, names[index] ?? 'Agent', now, (decision, reason) => decide(approval, decision, reason)),
  )
  list.replaceChildren(...cards)
  if (cards.length === 0) list.append(h('p', { class: 'empty' }, 'Nothing waits for a decision.'))
  for (const time of list.querySelectorAll('time[data-relative]')) {
    const timestamp = time.getAttribute('datetime')
    if (timestamp !== null) time.textContent = fromNow(timestamp, now)
  }
}

function required(id: string): HTMLElement {
  const element = document.getElementById(id)
  if (element === null) throw new Error(`the page has no #${id}`)
  return element
}

refreshButton.addEventListener('click', () => void refresh())
setInterval(() => {
  if (document.visibilityState === 'visible') void refresh()
}, REFRESH_EVERY_MS)
void refresh()
