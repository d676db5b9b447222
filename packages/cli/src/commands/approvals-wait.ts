import type { ApprovalRequest } from '@signoff/client'
import { WaitTimeoutError, waitForDecision } from '@signoff/node'
import { formatDuration, parseDuration } from '../args.js'
import { COMMON_OPTIONS, CONNECTION_OPTIONS, stringOption, type CommandSpec } from '../command.js'
import { EXIT, type ExitCode } from '../exit-codes.js'
import { startProgress } from '../progress.js'
import { describeOutcome } from './approval-view.js'

const HELP = 'signoff approvals wait'

/** `signoff approvals wait <id>`: blocks until a person decides, and says how through the exit code. */
export const approvalsWait: CommandSpec = {
  name: 'approvals wait',
  summary: 'Wait until an approval request is decided; the exit code says how',
  arguments: ['<id>'],
  options: {
    timeout: { type: 'string', value: 'duration', description: 'give up after this long, e.g. 90s, 10m, 2h (default: wait until decided)' },
    interval: { type: 'string', value: 'duration', description: 'first delay between polls; each grows by half (default 2s)' },
    'max-interval': { type: 'string', value: 'duration', description: 'longest delay between polls (default 30s)' },
    json: { type: 'boolean', description: 'print the decided approval as one line of JSON' },
    ...CONNECTION_OPTIONS,
    ...COMMON_OPTIONS,
  },
  notes: [
    'Exit codes: 0 approved, 3 rejected, 4 expired, 5 timed out (still pending), 1 error, 130 interrupted.',
    'On a terminal a spinner shows the time waited; otherwise progress lines go to stderr and stdout only gets the outcome.',
    'Durations: a number with ms, s, m or h; a bare number is seconds.',
  ],
  examples: ['signoff approvals wait 2Nz3qkGXBtBLqYuwKyWqu9BFWaE --timeout 30m && ./deploy.sh'],
  async run(context) {
    const [id] = context.args
    if (id === undefined) throw new Error('the command line was checked for an id')
    const timeoutText = stringOption(context, 'timeout')
    const timeout = timeoutText === undefined ? undefined : parseDuration(timeoutText, 'timeout', HELP)
    const interval = parseDuration(stringOption(context, 'interval') ?? '2s', 'interval', HELP)
    const maxInterval = Math.max(interval, parseDuration(stringOption(context, 'max-interval') ?? '30s', 'max-interval', HELP))
    const client = context.client()

    const limit = timeout === undefined ? '' : ` (timeout ${formatDuration(timeout)})`
    const progress = startProgress(context.out, `waiting for a decision on ${id}${limit}`)
    let approval: ApprovalRequest
    let answered = false
    try {
      approval = await waitForDecision(client, { approval_id: id }, {
        signal: context.signal,
        timeout,
        interval,
        maxInterval,
        onPending: () => {
          answered = true
          progress.update('still pending')
        },
      })
      progress.stop()
    } catch (error) {
      // Stopped first, so the spinner's line is cleared before anything else is printed.
      progress.stop()
      if (!(error instanceof WaitTimeoutError)) throw error
      // Network trouble does not end a wait, so it may have timed out without one answer.
      const state = answered ? 'it is still pending' : 'the API never answered (check PROMPTRAILS_BASE_URL or --base-url)'
      context.out.note(`signoff: no decision on ${id} within ${formatDuration(timeout ?? 0)}; ${state}`)
      return EXIT.timeout
    }

    if (context.options['json']) context.out.json(approval)
    else context.out.line(`${approval.id} ${describeOutcome(context.out, approval)}`)
    return exitCodeFor(approval.status)
  },
}

function exitCodeFor(status: string): ExitCode {
  if (status === 'approved') return EXIT.ok
  if (status === 'rejected') return EXIT.rejected
  if (status === 'expired') return EXIT.expired
  // A status this CLI does not know yet: decided somehow, but not approved.
  return EXIT.error
}
