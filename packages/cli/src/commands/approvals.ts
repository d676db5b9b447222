import { isConflictError, type ApprovalListParams, type ApprovalRequest, type Decision } from '@signoff/client'
import { parseInteger } from '../args.js'
import { COMMON_OPTIONS, CONNECTION_OPTIONS, stringOption, type CommandContext, type CommandSpec } from '../command.js'
import { UsageError } from '../errors.js'
import { EXIT } from '../exit-codes.js'
import { approvalDetail, approvalTable, describeOutcome } from './approval-view.js'

const JSON_OPTION = { json: { type: 'boolean', description: 'print the approval as one line of JSON' } } as const
const REPEAT_NOTE =
  'Safe to repeat (after a network failure, say): when the approval already has this decision, the command says so and exits 0; a different decision already made is an error (exit 1) saying what the approval is now.'

/** `signoff approvals list`. */
export const approvalsList: CommandSpec = {
  name: 'approvals list',
  summary: 'List approval requests, newest first',
  options: {
    status: { type: 'string', value: 'status', description: 'only this status: pending, approved, rejected or expired' },
    agent: { type: 'string', value: 'id', description: 'only approvals of this agent' },
    checkpoint: { type: 'string', value: 'name', description: 'only approvals at this checkpoint' },
    execution: { type: 'string', value: 'id', description: 'only approvals of this execution' },
    limit: { type: 'string', value: 'n', description: 'show at most n approvals (default 20; more than 100 reads several pages)' },
    json: { type: 'boolean', description: 'print one JSON object per line (JSON Lines) instead of a table' },
    ...CONNECTION_OPTIONS,
    ...COMMON_OPTIONS,
  },
  notes: ['The table has the columns ID, STATUS, CHECKPOINT, AGENT, CREATED (UTC). When more approvals match than are shown, stderr says how many.'],
  examples: ['signoff approvals list --status pending', "signoff approvals list --json | jq -r 'select(.checkpoint_name == \"review\") | .id'"],
  async run(context) {
    const limit = parseInteger(stringOption(context, 'limit') ?? '20', 'limit', 'signoff approvals list', 1, 100_000)
    const params: ApprovalListParams = { limit: Math.min(limit, 100) }
    const status = stringOption(context, 'status')
    const agent = stringOption(context, 'agent')
    const checkpoint = stringOption(context, 'checkpoint')
    const execution = stringOption(context, 'execution')
    // Passed through as typed: the server may know statuses this SDK does not.
    if (status !== undefined) params.status = status as NonNullable<ApprovalListParams['status']>
    if (agent !== undefined) params.agent_id = agent
    if (checkpoint !== undefined) params.checkpoint_name = checkpoint
    if (execution !== undefined) params.execution_id = execution

    const shown: ApprovalRequest[] = []
    let total = 0
    pages: for await (const page of context.client().approvals.list(params, { signal: context.signal }).pages()) {
      total = Math.max(total, page.meta.total)
      for (const approval of page.data) {
        if (context.options['json']) context.out.json(approval)
        shown.push(approval)
        if (shown.length >= limit) break pages
      }
    }
    if (!context.options['json'] && shown.length > 0) for (const line of approvalTable(context.out, shown)) context.out.line(line)
    if (shown.length === 0) context.out.note('no approvals match')
    else if (total > shown.length) context.out.note(`showing ${shown.length} of ${total}; use --limit to see more`)
    return EXIT.ok
  },
}

/** `signoff approvals get <id>`. */
export const approvalsGet: CommandSpec = {
  name: 'approvals get',
  summary: 'Show one approval request, payload included',
  arguments: ['<id>'],
  options: { ...JSON_OPTION, ...CONNECTION_OPTIONS, ...COMMON_OPTIONS },
  examples: ['signoff approvals get 2Nz3qkGXBtBLqYuwKyWqu9BFWaE', 'signoff approvals get 2Nz3qkGXBtBLqYuwKyWqu9BFWaE --json | jq .payload'],
  async run(context) {
    const approval = await context.client().approvals.get(argument(context), { signal: context.signal })
    if (context.options['json']) context.out.json(approval)
    else for (const line of approvalDetail(context.out, approval)) context.out.line(line)
    return EXIT.ok
  },
}

/** `signoff approvals approve <id>`. */
export const approvalsApprove: CommandSpec = {
  name: 'approvals approve',
  summary: 'Approve a pending approval request: its run completes',
  arguments: ['<id>'],
  options: {
    reason: { type: 'string', value: 'text', description: 'why, recorded with the decision (optional)' },
    ...JSON_OPTION,
    ...CONNECTION_OPTIONS,
    ...COMMON_OPTIONS,
  },
  notes: [REPEAT_NOTE],
  examples: ['signoff approvals approve 2Nz3qkGXBtBLqYuwKyWqu9BFWaE --reason "Accurate and polite"'],
  run: (context) => decide(context, 'approved'),
}

/** `signoff approvals reject <id> --reason <text>`. */
export const approvalsReject: CommandSpec = {
  name: 'approvals reject',
  summary: 'Reject a pending approval request: its output is discarded',
  arguments: ['<id>'],
  options: {
    reason: { type: 'string', value: 'text', description: 'why (required: the agent\'s owner will want to know)' },
    ...JSON_OPTION,
    ...CONNECTION_OPTIONS,
    ...COMMON_OPTIONS,
  },
  notes: [REPEAT_NOTE],
  examples: ['signoff approvals reject 2Nz3qkGXBtBLqYuwKyWqu9BFWaE --reason "Refund policy misquoted"'],
  run: (context) => decide(context, 'rejected'),
}

async function decide(context: CommandContext, decision: Decision): Promise<typeof EXIT.ok> {
  const reason = stringOption(context, 'reason')
  if (decision === 'rejected' && (reason === undefined || reason.trim() === '')) {
    throw new UsageError('reject needs --reason "why"', 'signoff approvals reject')
  }
  const body = reason === undefined ? { decision } : { decision, reason }
  const id = argument(context)
  const client = context.client()
  let approval: ApprovalRequest
  try {
    approval = await client.approvals.decide(id, body, { signal: context.signal })
  } catch (error) {
    // Already decided: the same decision is what this run asked for, so a repeat succeeds.
    if (!isConflictError(error)) throw error
    const current = error.approval ?? (await client.approvals.get(id, { signal: context.signal }))
    if (current.status !== decision) throw error
    context.out.note(`already ${decision}: nothing was changed`)
    approval = current
  }
  if (context.options['json']) context.out.json(approval)
  else context.out.line(`${approval.id} ${describeOutcome(context.out, approval)}`)
  return EXIT.ok
}

function argument(context: CommandContext): string {
  const [id] = context.args
  if (id === undefined) throw new Error('the command line was checked for an id')
  return id
}
