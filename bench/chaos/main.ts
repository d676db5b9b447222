// bench/chaos: 10,000 operations (5,000 executes and 5,000 decides) through the mock's real
// HTTP server with 20% of requests meeting an injected fault. Prints what happened.
import { format, printTable } from '../lib/measure.ts'
import { runChaos } from './driver.ts'

const jobs = Number(process.env['BENCH_JOBS'] ?? 5_000)
const faultRate = Number(process.env['BENCH_FAULT_RATE'] ?? 0.2)
console.log(`bench/chaos: ${format(jobs * 2, 0)} operations, ${faultRate * 100}% of requests faulted, seed 42\n`)
const report = await runChaos({ jobs, concurrency: 64, faultRate, seed: 42 })

printTable(['measure', 'value'], [
  ['operations (execute + decide)', format(report.operations, 0)],
  ['HTTP requests sent', format(report.requests, 0)],
  ['faults injected', `${format(report.faultTotal, 0)} (${format((100 * report.faultTotal) / report.requests)}% of requests)`],
  ['client retries (and read-backs)', format(report.retries, 0)],
  ['decide reconciliations by the job', format(report.reconciliations, 0)],
  ['errors surfaced to jobs', Object.entries(report.surfacedErrors).map(([name, count]) => `${name} ${count}`).join(', ') || '0'],
  ['duplicated executions', String(report.duplicatedExecutions)],
  ['lost executions', String(report.missingExecutions)],
  ['final states not as intended', String(report.wrongDecisions)],
  ['unhandled rejections', String(report.unhandledRejections)],
  ['elapsed', `${format(report.elapsedMs / 1000)} s (${format(report.operations / (report.elapsedMs / 1000), 0)} operations/s)`],
])
console.log('\nfaults by kind:')
printTable(['kind', 'count'], Object.entries(report.faults).map(([kind, count]) => [kind, String(count)]))
