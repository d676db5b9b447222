import type { ApprovalRequest } from '@signoff/client'
import { WaitTimeoutError, waitForDecision } from '@signoff/node'
import { formatDuration, parseDuration } from '../args.js'
import { COMMON_OPTIONS, CONNECTION_OPTIONS, stringOption, type CommandSpec } from '../command.js'
import { EXIT, type ExitCode } from '../exit-codes.js'
import { startProgress } from '../progress.js'
import { describeOutcome } from './approval-view.js'

const HELP = 'signoff approvals wait'
const LONGEST_WAIT_MS = 365 * 86_400_000

/** `signoff approvals wait <id>`: blocks until a person decides, and says how through the exit code. */
export const approvalsWait: CommandSpec = {
  name: 'approvals wait',
  summary: 'Wait until an approval request is decided; the exit code says how',
  arguments: ['<id>'],
  options: {
    timeout: { type: 'string', value: 'duration', description: 'give up after this long, e.g. 90s, 10m, 2h, 14d (default: wait until decided)' },
    interval: { type: 'string', value: 'duration', description: 'first delay between polls; each grows by half (default 2s)' },
    'max-interval': { type: 'string', value: 'duration', description: 'longest delay between polls (default 30s)' },
    json: { type: 'boolean', description: 'print the decided approval as one line of JSON' },
    ...CONNECTION_OPTIONS,
    ...COMMON_OPTIONS,
  },
  notes: [
    'Exit codes: 0 approved, 3 rejected, 4 expired, 5 timed out (still pending), 6 timed out while the API did not answer, 1 error, 130 interrupted.',
    'Network trouble does not end the wait: it is retried, and the progress says the API is not answering.',
    'On a terminal a spinner shows the time waited; otherwise progress lines go to stderr and stdout only gets the outcome.',
    'Durations: a number with ms, s, m, h or d; a bare number is seconds; up to 365d.',
  ],
  examples: ['signoff approvals wait 2Nz3qkGXBtBLqYuwKyWqu9BFWaE --timeout 30m && ./deploy.sh'],
  async run(context) {
    const [id] = context.args
    if (id === undefined) throw new Error('the command line was checked for an id')
    const timeoutText = stringOption(context, 'timeout')
    // Approvals can take weeks, and the wait's own timers take any length.
    const timeout = timeoutText === undefined ? undefined : parseDuration(timeoutText, 'timeout', HELP, LONGEST_WAIT_MS)
    const interval = parseDuration(stringOption(context, 'interval') ?? '2s', 'interval', HELP, LONGEST_WAIT_MS)
    const maxInterval = Math.max(interval, parseDuration(stringOption(context, 'max-interval') ?? '30s', 'max-interval', HELP, LONGEST_WAIT_MS))
    const client = context.client()

    const limit = timeout === undefined ? '' : ` (timeout ${formatDuration(timeout)})`
    const progress = startProgress(context.out, `waiting for a decision on ${id}${limit}`)
    let approval: ApprovalRequest
    // What the last poll found: the approval pending, or no answer (and why); none yet at first.
    let last: { answered: true } | { answered: false; error: unknown } | undefined
    try {
      approval = await waitForDecision(client, { approval_id: id }, {
        signal: context.signal,
        timeout,
        interval,
        maxInterval,
        onPending: () => {
          last = { answered: true }
          progress.update('still pending')
        },
        onRetry: (error) => {
          last = { answered: false, error }
          progress.update(`the API is not answering (${reasonOf(error)}); trying again`)
        },
      })
      progress.stop()
    } catch (error) {
      // Stopped first, so the spinner's line is cleared before anything else is printed.
      progress.stop()
      if (!(error instanceof WaitTimeoutError)) throw error
      const within = `signoff: no decision on ${id} within ${formatDuration(timeout ?? 0)}`
      if (last?.answered === true) {
        context.out.note(`${within}; it is still pending`)
        return EXIT.timeout
      }
      // Network trouble does not end a wait: it can time out with the approval's state unknown.
      const why = last === undefined ? 'no answer yet' : reasonOf(last.error)
      context.out.note(`${within}; the API did not answer (${why}): check PROMPTRAILS_BASE_URL or --base-url`)
      return EXIT.unreachable
    }

    if (context.options['json']) context.out.json(approval)
    else context.out.line(`${approval.id} ${describeOutcome(context.out, approval)}`)
    return exitCodeFor(approval.status)
  },
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message.replace(/\s*\n\s*/g, ' ') : String(error)
}

function exitCodeFor(status: string): ExitCode {
  if (status === 'approved') return EXIT.ok
  if (status === 'rejected') return EXIT.rejected
  if (status === 'expired') return EXIT.expired
  // A status this CLI does not know yet: decided somehow, but not approved.
  return EXIT.error
}
