import type { Decision } from '@signoff/client'

/** The Slack user who clicked or submitted: what `canDecide` is given. */
export interface SlackUser {
  /** The Slack user id (`U…` or `W…`). */
  id: string
  /** The user's Slack name, when Slack sent one. */
  name?: string | undefined
  /** The workspace (team) id, when Slack sent one. */
  teamId?: string | undefined
}

/** A decision recorded by this package, read back from an approval's `reason`. */
export interface RecordedSlackDecision {
  /** What was decided. */
  decision: Decision
  /** Who decided, as recorded (the id always; name and team when Slack sent them). */
  user: SlackUser
  /** The reviewer's own words (required for a rejection), or `undefined`. */
  reason: string | undefined
}

const VERB = { approved: 'Approved', rejected: 'Rejected' } as const

// Parentheses, commas and colons delimit the recorded form; a name never needs them.
const cleanName = (name: string) => name.replace(/[(),:<>\n\r]/g, '').trim()

/**
 * Writes who decided into the reason sent to the API, which has no field for it. The form is
 * stable and documented (docs/slack.md), so reports and other tools can read it back with
 * {@link parseSlackDecision}:
 *
 * `Approved in Slack by <@U0123ABC> (alice, team T0456DEF)` and
 * `Rejected in Slack by <@U0123ABC> (alice, team T0456DEF): the price is wrong`.
 * The parenthesis holds what Slack sent and is left out when it sent neither name nor team;
 * the `<@U…>` mention, Slack's own form of a user id, is always there.
 */
export function formatSlackDecision(decision: Decision, user: SlackUser, reason?: string): string {
  const details = [user.name === undefined ? '' : cleanName(user.name), user.teamId ? `team ${user.teamId}` : '']
    .filter((part) => part.length > 0)
    .join(', ')
  const who = `<@${user.id}>${details.length > 0 ? ` (${details})` : ''}`
  const words = reason?.trim()
  return `${VERB[decision]} in Slack by ${who}${words ? `: ${words}` : ''}`
}

const RECORDED = /^(Approved|Rejected) in Slack by <@([UW][A-Z0-9]+)>(?: \(([^)]*)\))?(?:: ([\s\S]*))?$/

/**
 * Reads a reason written by {@link formatSlackDecision}; `undefined` for any other reason (a
 * decision made in the CLI, a reviewer page or the API directly).
 *
 * @example
 * ```ts
 * parseSlackDecision(approval.reason)?.user.id // 'U0123ABC'
 * ```
 */
export function parseSlackDecision(reason: string | null | undefined): RecordedSlackDecision | undefined {
  const match = RECORDED.exec(reason ?? '')
  if (match === null) return undefined
  const [, verb, id = '', details, words] = match
  const parts = (details ?? '').split(', ').filter((part) => part.length > 0)
  const team = parts.find((part) => part.startsWith('team '))
  const name = parts.find((part) => !part.startsWith('team '))
  return {
    decision: verb === 'Approved' ? 'approved' : 'rejected',
    user: { id, name, teamId: team?.slice('team '.length) },
    reason: words,
  }
}
