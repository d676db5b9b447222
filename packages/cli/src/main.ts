// The `signoff` bin (dist/cli.js): wires the CLI to this process. The work is in run.ts.
import { Secrets, describeError } from './errors.js'
import { EXIT } from './exit-codes.js'
import { createOutput } from './output.js'
import { runCli } from './run.js'

const argv = process.argv.slice(2)
const secrets = new Secrets()
const out = createOutput(process.stdout, process.stderr, process.env, (text) => secrets.redact(text))
const controller = new AbortController()

// The first Ctrl-C asks the command to finish (a mock closes its server); a second one exits now.
const stop = () => (controller.signal.aborted ? process.exit(EXIT.interrupted) : controller.abort())
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
// `signoff approvals list | head -1` closes the pipe early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => process.exit(error.code === 'EPIPE' ? EXIT.ok : EXIT.error))
// What escapes a command (say, a port already in use) still ends as one redacted line.
const crash = (error: unknown) => {
  out.note(describeError(error, secrets, argv.includes('--debug')))
  process.exit(EXIT.error)
}
process.on('uncaughtException', crash)
process.on('unhandledRejection', crash)

const code = await runCli({ argv, env: process.env, out, signal: controller.signal, secrets })
process.exitCode = code
process.off('SIGINT', stop)
process.off('SIGTERM', stop)
// Nothing should be left running; if something is (an idle socket), it must not hold the exit.
setTimeout(() => process.exit(code), 1_000).unref()
