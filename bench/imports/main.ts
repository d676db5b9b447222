// What importing each published entry costs, in a fresh Node process per import (nothing
// cached), against importing what it is built on: `@signoff/client` against `ky` and against
// `ky` + `zod/mini` (its two dependencies, the floor), `@signoff/mock/node` against `hono` (and `hono` + `zod/mini`),
// `@signoff/node` against `@signoff/client` (which it loads). Medians of several runs, printed
// as ratios; asserts nothing.
import { format, importMs, median, printTable } from '../lib/measure.ts'

const RUNS = Number(process.env['BENCH_IMPORT_RUNS'] ?? 9)

const pairs: [entry: string, baseline: string[]][] = [
  ['@signoff/client', ['ky']],
  ['@signoff/client', ['ky', 'zod/mini']],
  ['@signoff/mock/node', ['hono']],
  ['@signoff/mock/node', ['hono', 'zod/mini']],
  ['@signoff/node', ['@signoff/client']],
]
console.log(`bench/imports: each import in a fresh process, median of ${RUNS} runs taken in turn\n`)
// Every import is timed once per round, rounds in turn, so a burst of load hits all alike.
const keys = [...new Set(pairs.flatMap(([entry, baseline]) => [entry, baseline.join(' + ')]))]
const times = new Map(keys.map((key) => [key, [] as number[]]))
for (let run = 0; run < RUNS; run++) {
  for (const key of keys) times.get(key)?.push(importMs(key.split(' + '), import.meta.dirname, 1))
}
const ms = (specifiers: string[]): number => median(times.get(specifiers.join(' + ')) ?? [])
const rows = pairs.map(([entry, baseline]) => {
  const [entryMs, baselineMs] = [ms([entry]), ms(baseline)]
  return [entry, `${format(entryMs, 1)} ms`, baseline.join(' + '), `${format(baselineMs, 1)} ms`, `${format(entryMs / baselineMs, 2)}×`]
})
printTable(['import', 'time', 'baseline', 'baseline time', 'ratio'], rows)
console.log('\nAn import\'s time includes its dependencies: the ratio is what the entry adds on top of its baseline.')
