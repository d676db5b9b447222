import { parseArgs } from 'node:util'
import type { OptionSpecs, OptionValues } from './command.js'
import { UsageError } from './errors.js'

/** One option as it appeared on the command line. */
interface OptionToken {
  name: string
  rawName: string
  value: string | undefined
  inlineValue: boolean | undefined
}

/** A command line read once, before the command is known. */
export interface CommandLine {
  /** The positional words in order: the command's words, then its arguments. */
  words: string[]
  options: OptionToken[]
}

/**
 * Reads a command line, knowing every option of every command so that each value is taken by
 * its option wherever it stands. Which options the chosen command accepts is checked later,
 * by {@link checkOptions}.
 */
export function readCommandLine(argv: readonly string[], known: OptionSpecs): CommandLine {
  const { tokens } = parseArgs({ args: [...argv], options: known, strict: false, allowPositionals: true, tokens: true })
  const words: string[] = []
  const options: OptionToken[] = []
  for (const token of tokens) {
    if (token.kind === 'positional') words.push(token.value)
    if (token.kind === 'option') {
      options.push({ name: token.name, rawName: token.rawName, value: token.value, inlineValue: token.inlineValue })
    }
  }
  return { words, options }
}

/**
 * Checks the options against what a command accepts and returns their values. Messages name
 * the option only, never the value given (it may be a secret typed under a wrong name).
 */
export function checkOptions(line: CommandLine, accepted: OptionSpecs, help: string): OptionValues {
  const values: Record<string, string | true> = {}
  for (const option of line.options) {
    const spec = accepted[option.name]
    if (spec === undefined) throw new UsageError(`unknown option ${option.rawName}`, help)
    if (spec.type === 'boolean') {
      if (option.inlineValue) throw new UsageError(`option --${option.name} takes no value`, help)
      values[option.name] = true
      continue
    }
    // As parseArgs' strict mode does: `--reason --json` is a forgotten value, not a reason.
    const missing = option.value === undefined || (!option.inlineValue && option.value.startsWith('-'))
    if (missing) throw new UsageError(`option --${option.name} needs a value (write --${option.name}=VALUE if it starts with "-")`, help)
    values[option.name] = option.value as string
  }
  return values
}

const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/
const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const

/** The longest duration a flag takes unless it says otherwise: what one timer can wait, about 24 days. */
export const TIMER_LIMIT_MS = 2 ** 31 - 1

/**
 * Reads a duration such as `500ms`, `30s`, `10m`, `2h`, `14d`; a bare number is seconds.
 * Returns ms, from 1 to `max` (waits take longer ones than the mock's timers do).
 */
export function parseDuration(text: string, option: string, help: string, max = TIMER_LIMIT_MS): number {
  const match = DURATION.exec(text.trim())
  const ms = match ? Number(match[1]) * UNIT_MS[(match[2] ?? 's') as keyof typeof UNIT_MS] : Number.NaN
  if (!(ms >= 1 && ms <= max)) {
    throw new UsageError(`--${option} must be a duration such as 500ms, 30s, 10m, 2h or 14d (at most ${formatDuration(max)})`, help)
  }
  return Math.round(ms)
}

/** Reads a whole number from `min` to `max`. */
export function parseInteger(text: string, option: string, help: string, min: number, max: number): number {
  const value = /^\d+$/.test(text.trim()) ? Number(text) : Number.NaN
  if (!(value >= min && value <= max)) throw new UsageError(`--${option} must be a whole number from ${min} to ${max}`, help)
  return value
}

/** Shows a duration in ms the way people write it: `800ms`, `45s`, `2m 05s`, `1h 20m`. */
export function formatDuration(ms: number): string {
  if (ms < 1_000) return ms <= 0 ? '0s' : `${Math.round(ms)}ms`
  const seconds = Math.floor(ms / 1_000)
  if (seconds < 60) return `${seconds}s`
  const minutes = Math.floor(seconds / 60)
  if (minutes < 60) return `${minutes}m ${String(seconds % 60).padStart(2, '0')}s`
  const hours = Math.floor(minutes / 60)
  if (hours < 48) return `${hours}h ${String(minutes % 60).padStart(2, '0')}m`
  return `${Math.floor(hours / 24)}d ${String(hours % 24).padStart(2, '0')}h`
}
