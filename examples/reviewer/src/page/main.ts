// The reviewer page. It talks to its own origin: the dev server's proxy forwards `/api/v1/*`
// to the API and adds the key there, so this page (and anyone reading its source) never has it.
import {
  Transport,
  decideApproval,
  getAgent,
  isConflictError,
  listApprovals,
  type ApprovalRequest,
  type Decision,
} from '@signoff/client'
import { approvalCard, updateCard } from './card.ts'
import { h } from './dom.ts'
import { shortId } from './format.ts'

const PAGE_SIZE = 50

/**
 * Milliseconds between refreshes: 10 s, or `?refresh=<seconds>` in the page's address (at least
 * 0.1 s, and no more than a timer can wait).
 */
function refreshInterval(): number {
  const seconds = Number(new URLSearchParams(window.location.search).get('refresh') ?? '')
  if (!Number.isFinite(seconds) || seconds <= 0) return 10_000
  return Math.min(Math.max(seconds * 1000, 100), 2 ** 31 - 1)
}

// The page imports the three calls it makes, so its bundle carries those and nothing else.
const api = new Transport({ baseUrl: window.location.origin })

const list = required('approvals')
const status = required('status')
const notice = required('notice')
const refreshButton = required('refresh')

const agentNames = new Map<string, Promise<string>>()
function agentName(agentId: string): Promise<string> {
  let name = agentNames.get(agentId)
  if (name === undefined) {
    name = getAgent(api, agentId).then(
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
    await decideApproval(api, approval.id, reason === undefined ? { decision } : { decision, reason })
    notice.textContent = `${decision === 'approved' ? 'Approved' : 'Rejected'} ${shortId(approval.id)}.`
    notice.dataset['tone'] = 'done'
  } catch (error) {
    // Someone else decided first: their decision stands, and the list should show it.
    if (!isConflictError(error)) throw error
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
    const page = await listApprovals(api, { status: 'pending', limit: PAGE_SIZE })
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
 * Updates the list in place: decided approvals leave, new ones join in the server's order, and
 * every card shows the latest details. A card's decision form is left as it is, and the card
 * holding the focus is never moved (taking a focused element out of the page, even for a moment,
 * takes its focus), so a reason being typed keeps its text, focus and caret.
 */
function show(approvals: readonly ApprovalRequest[], names: readonly string[]): void {
  const now = Date.now()
  const existing = new Map<string, Element>()
  for (const card of list.querySelectorAll('[data-approval-id]')) existing.set(card.getAttribute('data-approval-id') ?? '', card)
  const cards = approvals.map((approval, index) => {
    const name = names[index] ?? 'Agent'
    const card = existing.get(approval.id)
    if (card === undefined) return approvalCard(approval, name, now, (decision, reason) => decide(approval, decision, reason))
    updateCard(card, approval, name, now)
    return card
  })
  const focused = cards.find((card) => card.contains(document.activeElement))
  if (focused === undefined) {
    list.replaceChildren(...cards)
  } else {
    for (const child of [...list.children]) if (!cards.includes(child)) child.remove()
    const at = cards.indexOf(focused)
    focused.before(...cards.slice(0, at))
    focused.after(...cards.slice(at + 1))
  }
  if (cards.length === 0) list.append(h('p', { class: 'empty' }, 'Nothing waits for a decision.'))
}

function required(id: string): HTMLElement {
  const element = document.getElementById(id)
  if (element === null) throw new Error(`the page has no #${id}`)
  return element
}

refreshButton.addEventListener('click', () => void refresh())
setInterval(() => {
  if (document.visibilityState === 'visible') void refresh()
}, refreshInterval())
void refresh()
