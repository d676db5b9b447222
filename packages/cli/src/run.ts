import { readFileSync } from 'node:fs'
import { Signoff } from '@signoff/client'
import { configFromEnv } from '@signoff/node'
import { checkOptions, readCommandLine } from './args.js'
import { stringOption, type CommandContext, type CommandSpec, type OptionSpecs } from './command.js'
import { COMMANDS } from './commands/index.js'
import { Secrets, UsageError, describeError, exitCodeOf } from './errors.js'
import { EXIT, type ExitCode } from './exit-codes.js'
import { commandHelp, groupHelp, mainHelp } from './help.js'
import type { Output } from './output.js'

/** What one run of the CLI works with; `main.ts` wires it to the process. */
export interface CliRun {
  argv: readonly string[]
  env: Readonly<Record<string, string | undefined>>
  out: Output
  /** Aborted on SIGINT / SIGTERM. */
  signal: AbortSignal
  /** Filled with every secret the command line and environment hold, so nothing prints them. */
  secrets: Secrets
}

/** Options whose values are secrets wherever they appear. */
const SECRET_OPTIONS = new Set(['api-key', 'secret'])

// Every option of every command, so a value is read as its option's wherever it stands.
const ALL_OPTIONS: OptionSpecs = Object.assign(
  { version: { type: 'boolean', description: 'print the version' } },
  ...COMMANDS.map((command) => command.options),
)

type Target =
  | { kind: 'top' }
  | { kind: 'group'; group: string; commands: CommandSpec[] }
  | { kind: 'command'; command: CommandSpec; words: number }

/** Runs one command line to its end and returns the exit code; errors become one stderr line. */
export async function runCli(run: CliRun): Promise<ExitCode> {
  const { out, secrets } = run
  secrets.add(run.env['PROMPTRAILS_API_KEY'])
  secrets.add(run.env['PROMPTRAILS_WEBHOOK_SECRET'])
  // `pnpm run signoff -- approvals list` passes the separator along.
  const argv = run.argv[0] === '--' ? run.argv.slice(1) : run.argv
  let debug = false
  try {
    const line = readCommandLine(argv, ALL_OPTIONS)
    for (const option of line.options) if (SECRET_OPTIONS.has(option.name)) secrets.add(option.value)
    const has = (name: string) => line.options.some((option) => option.name === name)
    debug = has('debug')
    const helpWord = line.words[0] === 'help'
    const words = helpWord ? line.words.slice(1) : line.words
    if (has('version') && words.length === 0) {
      out.line(version())
      return EXIT.ok
    }

    const target = resolve(words)
    if (has('help') || helpWord) {
      out.stdout.write(helpOf(target))
      return EXIT.ok
    }
    if (target.kind !== 'command') {
      // A bare `signoff` or `signoff approvals`: show what there is, as a usage error.
      out.stderr.write(helpOf(target))
      return EXIT.usage
    }

    const { command } = target
    const help = `signoff ${command.name}`
    const options = checkOptions(line, command.options, help)
    const args = words.slice(target.words)
    const expected = command.arguments ?? []
    if (args.length < expected.length) throw new UsageError(`missing ${expected.slice(args.length).join(' ')}`, help)
    if (args.length > expected.length) throw new UsageError(`too many arguments: ${help} takes ${expected.join(' ') || 'none'}`, help)
    const context: CommandContext = {
      args,
      options,
      out,
      secrets,
      signal: run.signal,
      env: run.env,
      client: () => createClient(options, run.env, help),
    }
    return await command.run(context)
  } catch (error) {
    if (run.signal.aborted) {
      out.note('signoff: interrupted')
      return EXIT.interrupted
    }
    out.note(describeError(error, secrets, debug))
    return exitCodeOf(error)
  }
}

function resolve(words: readonly string[]): Target {
  const [first, second] = words
  if (first === undefined) return { kind: 'top' }
  const single = COMMANDS.find((command) => command.name === first)
  if (single) return { kind: 'command', command: single, words: 1 }
  const group = COMMANDS.filter((command) => command.name.startsWith(`${first} `))
  if (group.length === 0) throw new UsageError(`unknown command "${first}"`)
  if (second === undefined) return { kind: 'group', group: first, commands: group }
  const command = group.find((candidate) => candidate.name === `${first} ${second}`)
  if (!command) throw new UsageError(`unknown command "${first} ${second}"`, `signoff ${first}`)
  return { kind: 'command', command, words: 2 }
}

function helpOf(target: Target): string {
  if (target.kind === 'top') return mainHelp(COMMANDS)
  if (target.kind === 'group') return groupHelp(target.group, target.commands)
  return commandHelp(target.command)
}

function createClient(options: CommandContext['options'], env: CliRun['env'], help: string): Signoff {
  const flag = (name: string) => stringOption({ options }, name)
  const apiKey = flag('api-key')
  if (!apiKey?.trim() && !env['PROMPTRAILS_API_KEY']?.trim()) {
    throw new UsageError('no API key: set PROMPTRAILS_API_KEY or pass --api-key', help)
  }
  const baseUrl = flag('base-url')
  checkBaseUrl(baseUrl ?? env['PROMPTRAILS_BASE_URL'], baseUrl === undefined ? 'PROMPTRAILS_BASE_URL' : '--base-url', help)
  // No command verifies webhooks through its client (`webhooks listen` hands the secret to the
  // receiver), so the client never reads PROMPTRAILS_WEBHOOK_SECRET: a malformed one must not
  // break `approvals list`.
  const { PROMPTRAILS_WEBHOOK_SECRET: _unused, ...apiEnv } = env
  return new Signoff(configFromEnv({ apiKey, baseUrl, workspaceId: flag('workspace-id') }, apiEnv))
}

// `localhost:4010` parses as a URL whose scheme is "localhost:": name the setting to fix, and
// never echo its value (an address may carry a password).
function checkBaseUrl(value: string | undefined, setting: string, help: string): void {
  if (value === undefined || value.trim() === '') return
  const url = URL.canParse(value.trim()) ? new URL(value.trim()) : undefined
  if (url === undefined || !/^https?:$/.test(url.protocol)) {
    throw new UsageError(`${setting} must be an http:// or https:// address, such as https://api.promptrails.ai or http://127.0.0.1:4010`, help)
  }
}

// The built CLI is dist/cli.js, beside the package's package.json one folder up.
function version(): string {
  const manifest: unknown = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
  const value = (manifest as { version?: unknown }).version
  return typeof value === 'string' ? value : 'unknown'
}
