import type { ApprovalRequest } from '@signoff/client'
import { formatTime, paint, paintStatus, table, type Column, type Output } from '../output.js'

/** Renders approvals as an aligned table with a header row: enough to pick one and act on it by id. */
export function approvalTable(output: Output, approvals: readonly ApprovalRequest[]): string[] {
  const columns: Column<ApprovalRequest>[] = [
    { header: 'ID', value: (approval) => approval.id },
    // The cell arrives padded; colouring it keeps the padding's width.
    { header: 'STATUS', value: (approval) => approval.status, style: (padded) => paintStatus(output, padded.trimEnd(), padded.length) },
    { header: 'CHECKPOINT', value: (approval) => approval.checkpoint_name || '-' },
    { header: 'AGENT', value: (approval) => approval.agent_id },
    { header: 'CREATED', value: (approval) => formatTime(approval.created_at) },
  ]
  return table(output, approvals, columns)
}

/** `approved by alice (reason: looks right)`: what became of an approval, in a few words. */
export function describeOutcome(output: Output, approval: ApprovalRequest): string {
  const by = approval.decided_by ? ` by ${approval.decided_by}` : ''
  const reason = approval.reason ? ` (reason: ${approval.reason})` : ''
  return `${paintStatus(output, approval.status)}${by}${reason}`
}

/** One approval in full, a field a line, its payload as indented JSON last. */
export function approvalDetail(output: Output, approval: ApprovalRequest): string[] {
  const fields: [string, string | null | undefined][] = [
    ['id', approval.id],
    ['status', paintStatus(output, approval.status)],
    ['checkpoint', approval.checkpoint_name],
    ['agent', approval.agent_id],
    ['execution', approval.execution_id],
    ['workspace', approval.workspace_id],
    ['created', formatTime(approval.created_at)],
    ['expires', approval.expires_at ? formatTime(approval.expires_at) : null],
    ['decided by', approval.decided_by],
    ['decided at', approval.decided_at ? formatTime(approval.decided_at) : null],
    ['reason', approval.reason],
  ]
  const shown = fields.filter((field): field is [string, string] => typeof field[1] === 'string' && field[1] !== '')
  const width = Math.max(...shown.map(([name]) => name.length))
  const lines = shown.map(([name, value]) => `${paint(output, 'dim', name.padEnd(width))}  ${value}`)
  const payload = JSON.stringify(approval.payload ?? null, null, 2).split('\n')
  return [...lines, paint(output, 'dim', 'payload'), ...payload.map((line) => `  ${line}`)]
}
