// Shared measuring helpers: every benchmark reports a ratio against a baseline measured in
// the same process and run, because absolute times on shared machines mean little.
import { execFileSync } from 'node:child_process'

/** Runs `task` `count` times with at most `concurrency` in flight; returns elapsed ms. */
export async function timeRuns(count: number, concurrency: number, task: () => Promise<unknown>): Promise<number> {
  let next = 0
  const start = performance.now()
  const worker = async () => {
    while (next < count) {
      next += 1
      await task()
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker))
  return performance.now() - start
}

/** The median of several measurements, which resists one noisy round. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}

/** Formats a number with a fixed count of decimals and thousands separators. */
export function format(value: number, decimals = 1): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
}

/** Prints rows as an aligned plain-text table. */
export function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)))
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ')
  console.log(line(header))
  console.log(widths.map((width) => '-'.repeat(width)).join('  '))
  for (const row of rows) console.log(line(row))
}

/**
 * Milliseconds that importing `specifiers` (one, or several together) takes in a fresh Node
 * process (so nothing is cached), median of `runs`, resolved from `cwd`'s dependencies.
 */
export function importMs(specifiers: string | string[], cwd: string, runs = 5): number {
  const imports = [specifiers].flat().map((specifier) => `import(${JSON.stringify(specifier)})`).join(', ')
  const script = `const t = performance.now(); await Promise.all([${imports}]); console.log(performance.now() - t)`
  const times = Array.from({ length: runs }, () => Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd }).toString()))
  return median(times)
}
