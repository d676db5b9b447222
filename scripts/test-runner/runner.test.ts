// scripts/test.ts run for real, on a throwaway package whose steps are small Node scripts.
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { parseSteps, rerunCommand } from './steps.ts'

const RUNNER = fileURLToPath(new URL('../test.ts', import.meta.url))
const folders: string[] = []

/** A package whose `test:steps` is `steps`, with the given step scripts beside it. */
function project(steps: string, scripts: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'signoff-runner-'))
  folders.push(folder)
  writeFileSync(join(folder, 'package.json'), JSON.stringify({ scripts: { 'test:steps': steps } }))
  for (const [name, code] of Object.entries(scripts)) writeFileSync(join(folder, name), code)
  return folder
}

async function runner(folder: string): Promise<{ code: number; lines: string[] }> {
  const env = { ...process.env, NO_COLOR: '1' }
  const result = await promisify(execFile)(process.execPath, [RUNNER], { cwd: folder, env, encoding: 'utf8' }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  )
  return { code: result.code, lines: result.stdout.trimEnd().split('\n') }
}

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

const REPORT = `
import { mkdirSync, writeFileSync } from 'node:fs'
mkdirSync('node_modules/.cache', { recursive: true })
writeFileSync('node_modules/.cache/vitest-report.json', JSON.stringify({ numPassedTests: 7, numFailedTests: 0, numTotalTests: 7 }))
console.log('a long and happy test report')
`

describe('the test runner', () => {
  it('keeps passing steps quiet but for their warnings, and ends with the count of tests', async () => {
    const folder = project('node build.mjs && node unit.mjs', {
      'build.mjs': "console.log('built 4 packages'); console.error('[WARN] something to look at')",
      'unit.mjs': REPORT,
    })
    const { code, lines } = await runner(folder)
    expect(code).toBe(0)
    expect(lines.join('\n')).not.toContain('built 4 packages')
    expect(lines.join('\n')).not.toContain('a long and happy test report')
    expect(lines).toContain('  [WARN] something to look at')
    expect(lines.at(-1)).toBe('✓ all 7 tests passed (build, unit)')
    expect(readFileSync(join(folder, 'node_modules/.cache/test-verdict.txt'), 'utf8')).toBe('✓ all 7 tests passed (build, unit)\n')
  })

  it('prints the whole output of the failing step, runs nothing after it, and ends with its name', async () => {
    const folder = project('node first.mjs && node lint.mjs && node never.mjs', {
      'first.mjs': "console.log('first is fine')",
      'lint.mjs': "console.log('line one of the problem'); console.error('line two of the problem'); process.exit(3)",
      'never.mjs': "console.log('this step must not run')",
    })
    const { code, lines } = await runner(folder)
    expect(code).toBe(3)
    expect(lines).toEqual(expect.arrayContaining(['line one of the problem', 'line two of the problem']))
    expect(lines.join('\n')).not.toContain('first is fine')
    expect(lines.join('\n')).not.toContain('never')
    expect(lines.at(-1)).toBe('✗ failed: lint (exit 3)')
  })

  it('does not count tests from a report an earlier run left behind', async () => {
    const folder = project('node unit.mjs', { 'unit.mjs': REPORT, 'other.mjs': "console.log('no tests here')" })
    await runner(folder)
    writeFileSync(join(folder, 'package.json'), JSON.stringify({ scripts: { 'test:steps': 'node other.mjs' } }))
    const { lines } = await runner(folder)
    expect(lines.at(-1)).toBe('✓ all steps passed (other)')
  })
})

describe('parseSteps and rerunCommand', () => {
  it('names each step after what a person would run again', () => {
    const steps = parseSteps('pnpm run build && node scripts/check-snippets.ts && vitest run && pnpm -r run lint:package')
    expect(steps.map((step) => step.name)).toEqual(['build', 'check-snippets', 'tests', 'lint:package'])
    expect(steps.map((step) => rerunCommand(step, 'pnpm/12.21.0 npm/? node/v24.21.0 linux x64'))).toEqual([
      'npx -y pnpm@12.21.0 run build',
      'npx -y pnpm@12.21.0 exec node scripts/check-snippets.ts',
      'npx -y pnpm@12.21.0 exec vitest run',
      'npx -y pnpm@12.21.0 -r run lint:package',
    ])
  })
})
