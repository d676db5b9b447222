import type { CommandSpec } from '../command.js'
import { approvalsApprove, approvalsGet, approvalsList, approvalsReject } from './approvals.js'
import { approvalsWait } from './approvals-wait.js'
import { mockCommand } from './mock.js'
import { webhooksListen } from './webhooks.js'

/** Every command, in the order `signoff --help` lists them. */
export const COMMANDS: readonly CommandSpec[] = [
  approvalsList,
  approvalsGet,
  approvalsApprove,
  approvalsReject,
  approvalsWait,
  mockCommand,
  webhooksListen,
]
