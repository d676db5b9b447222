/**
 * `pnpm test`: runs the steps of the `test:steps` script of ./package.json (its `&&`-separated
 * commands) one at a time, and ends with one verdict line:
 *
 *   ✓ all 412 tests passed (build, typecheck, …)      or      ✗ failed: lint:packages (exit 1)
 *
 * A step that passes shows one line (and any warning it printed); a step that fails shows its
 * whole output, and the steps after it do not run. The verdict is also written to
 * node_modules/.cache/test-verdict.txt, for CI to repeat after pnpm's own closing message.
 */
import { spawn } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseSteps, rerunCommand, testCounts, warningsIn, type Step } from './test-runner/steps.ts'

const REPORT = 'node_modules/.cache/vitest-report.json'
const VERDICT = 'node_modules/.cache/test-verdict.txt'

interface Finished {
  code: number
  output: string
}

/** Runs one step in a shell, its stdout and stderr captured together in the order written. */
function run(step: Step): Promise<Finished> {
  return new Promise((resolve) => {
    // Colour survives the capture when a person is watching.
    const env = process.stdout.isTTY && process.env['NO_COLOR'] === undefined ? { ...process.env, FORCE_COLOR: '1' } : process.env
    const child = spawn(step.command, { shell: true, stdio: ['ignore', 'pipe', 'pipe'], env })
    const chunks: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk))
    child.on('error', (error) => chunks.push(Buffer.from(`${String(error)}\n`)))
    child.on('close', (code, signal) => resolve({ code: code ?? (signal === null ? 1 : 128), output: Buffer.concat(chunks).toString('utf8') }))
  })
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`
}

function finish(verdict: string, code: number): never {
  mkdirSync(join(VERDICT, '..'), { recursive: true })
  writeFileSync(VERDICT, `${verdict}\n`)
  console.log(verdict)
  process.exit(code)
}

const scriptName = process.argv[2] ?? 'test:steps'
const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts?: Record<string, string> }
const steps = parseSteps(manifest.scripts?.[scriptName] ?? '')
if (steps.length === 0) finish(`✗ failed: package.json has no "${scriptName}" script to run`, 1)

rmSync(REPORT, { force: true }) // counts from an earlier run must never reach the verdict
for (const step of steps) {
  const started = performance.now()
  console.log(`▸ ${step.name}: ${step.command}`)
  const { code, output } = await run(step)
  const counts = testCounts(REPORT)
  if (code !== 0) {
    process.stdout.write(output.endsWith('\n') || output === '' ? output : `${output}\n`)
    const detail = step.name === 'tests' && counts !== undefined && counts.failed > 0 ? `${counts.failed} of ${counts.total} tests failed` : `exit ${code}`
    console.log(`\nThat was the output of ${step.name}; to run it alone: ${rerunCommand(step, process.env['npm_config_user_agent'])}`)
    finish(`✗ failed: ${step.name} (${detail})`, code)
  }
  const passed = step.name === 'tests' && counts !== undefined ? `: ${counts.passed} passed` : ''
  console.log(`✓ ${step.name}${passed} (${seconds(started)})`)
  for (const warning of warningsIn(output)) console.log(`  ${warning}`)
}

const counts = testCounts(REPORT)
const names = steps.map((step) => step.name).join(', ')
finish(counts === undefined ? `✓ all steps passed (${names})` : `✓ all ${counts.passed} tests passed (${names})`, 0)
