// What scripts/test.ts needs to know about the steps it runs and what they printed.
import { existsSync, readFileSync } from 'node:fs'

/** One command of the test script, and the short name the verdict uses for it. */
export interface Step {
  name: string
  command: string
}

/**
 * The `&&`-separated commands of a script, each named: `pnpm run docs` → docs,
 * `node scripts/check-snippets.ts` → check-snippets, `vitest run` → tests, else the first word.
 */
export function parseSteps(script: string): Step[] {
  return script
    .split(/\s+&&\s+/)
    .map((command) => command.trim())
    .filter((command) => command !== '')
    .map((command) => ({ name: stepName(command), command }))
}

function stepName(command: string): string {
  const words = command.split(/\s+/)
  if (words[0] === 'pnpm') {
    const run = words.indexOf('run')
    return (run === -1 ? words.slice(1).find((word) => !word.startsWith('-')) : words[run + 1]) ?? 'pnpm'
  }
  if (words[0] === 'vitest') return 'tests'
  const script = /^node\s+(?:\S*\/)?([^/\s]+?)\.[cm]?[jt]s\b/.exec(command)
  return script?.[1] ?? words[0] ?? command
}

/** How to run one step alone, the way the README runs pnpm. */
export function rerunCommand(step: Step, userAgent: string | undefined): string {
  const version = /\bpnpm\/(\d+\.\d+\.\d+)/.exec(userAgent ?? '')?.[1]
  const pnpm = version === undefined ? 'pnpm' : `npx -y pnpm@${version}`
  return step.command.startsWith('pnpm ') ? `${pnpm} ${step.command.slice('pnpm '.length)}` : `${pnpm} exec ${step.command}`
}

/** The counts of vitest's JSON report, or undefined when there is none. */
export function testCounts(reportPath: string): { passed: number; failed: number; total: number } | undefined {
  if (!existsSync(reportPath)) return undefined
  try {
    const report = JSON.parse(readFileSync(reportPath, 'utf8')) as { numPassedTests?: unknown; numFailedTests?: unknown; numTotalTests?: unknown }
    const { numPassedTests: passed, numFailedTests: failed, numTotalTests: total } = report
    if (typeof passed !== 'number' || typeof failed !== 'number' || typeof total !== 'number') return undefined
    return { passed, failed, total }
  } catch {
    return undefined
  }
}

const ANSI = /\u001b\[[0-9;]*m/g
const WARNING = /^\s*(?:\[?warn(?:ing)?\]?[\s:]|npm warn\b|⚠)/i
const MAX_WARNINGS = 20

/** The warning lines of a passing step's output: shown even when the rest stays quiet. */
export function warningsIn(output: string): string[] {
  const warnings = output
    .split('\n')
    .map((line) => line.replace(ANSI, '').trimEnd())
    .filter((line) => WARNING.test(line))
  if (warnings.length <= MAX_WARNINGS) return warnings
  return [...warnings.slice(0, MAX_WARNINGS), `… and ${warnings.length - MAX_WARNINGS} more warnings`]
}
