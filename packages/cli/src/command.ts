import type { Signoff } from '@signoff/client'
import type { Secrets } from './errors.js'
import type { ExitCode } from './exit-codes.js'
import type { Output } from './output.js'

/** One option of a command, as parsed and as shown by `--help`. */
export interface OptionSpec {
  type: 'string' | 'boolean'
  /** A one-letter alias, such as `h` for `-h`. */
  short?: string
  /** What the value is called in help: `--status <status>`. */
  value?: string
  /** One line for `--help`. */
  description: string
}

/** The options a command accepts, by long name. */
export type OptionSpecs = Readonly<Record<string, OptionSpec>>

/** Option values after parsing: the string given, or `true` for a boolean flag that was set. */
export type OptionValues = Readonly<Record<string, string | true | undefined>>

/** What a command gets to run with. */
export interface CommandContext {
  /** The positional arguments after the command's own words, e.g. `[id]`. */
  readonly args: readonly string[]
  readonly options: OptionValues
  readonly out: Output
  /** Secret values to keep out of anything printed; commands add the ones they read. */
  readonly secrets: Secrets
  /** Aborted on SIGINT / SIGTERM. */
  readonly signal: AbortSignal
  readonly env: Readonly<Record<string, string | undefined>>
  /** A client configured from the connection flags and the environment. */
  client(): Signoff
}

/** A runnable command, such as `approvals list`, with what `--help` shows for it. */
export interface CommandSpec {
  /** Its words, e.g. `approvals list`. */
  name: string
  /** One line, shown in lists and at the top of its help. */
  summary: string
  /** Required positional arguments, as shown in usage: `['<id>']`. */
  arguments?: readonly string[]
  options: OptionSpecs
  /** Extra paragraphs for `--help` (defaults, exit codes). */
  notes?: readonly string[]
  examples?: readonly string[]
  run(context: CommandContext): Promise<ExitCode>
}

/** `--help` and `--debug`, which every command accepts. */
export const COMMON_OPTIONS: OptionSpecs = {
  debug: { type: 'boolean', description: 'on error, also print the stack trace (secrets are still hidden)' },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
}

/** How to reach the API; each falls back to its environment variable. */
export const CONNECTION_OPTIONS: OptionSpecs = {
  'api-key': { type: 'string', value: 'key', description: 'API key (default: $PROMPTRAILS_API_KEY)' },
  'base-url': { type: 'string', value: 'url', description: 'API address (default: $PROMPTRAILS_BASE_URL, else https://api.promptrails.ai)' },
  'workspace-id': { type: 'string', value: 'id', description: 'workspace to act in (default: $PROMPTRAILS_WORKSPACE_ID, else the key\'s)' },
}

/** The value of a string option, if given. */
export function stringOption(context: Pick<CommandContext, 'options'>, name: string): string | undefined {
  const value = context.options[name]
  return typeof value === 'string' ? value : undefined
}
