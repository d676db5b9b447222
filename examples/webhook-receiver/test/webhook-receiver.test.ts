import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { expect, it } from 'vitest'

const main = fileURLToPath(new URL('../src/main.ts', import.meta.url))

it('prints each verified webhook as it arrives, then the delivery log, and exits', async () => {
  const { stdout, stderr } = await promisify(execFile)(process.execPath, [main], { env: { ...process.env, NO_COLOR: '1' } })
  const arrived = stdout.split('\n').filter((line) => line.startsWith('← webhook'))
  expect(arrived).toEqual([
    expect.stringMatching(/^← webhook execution\.awaiting_approval: approval \S+ pending, execution awaiting_approval$/),
    expect.stringMatching(/^← webhook approval\.decided: approval \S+ approved, execution completed$/),
  ])
  expect(stdout).toMatch(/→ ran the agent: execution \S+ is awaiting_approval/)
  expect(stdout).toMatch(/execution\.awaiting_approval +delivered after 1 attempt\(s\): 200/)
  expect(stdout).toMatch(/approval\.decided +delivered after 1 attempt\(s\): 200/)
  expect(stderr).toBe('')
  expect(stdout + stderr).not.toContain('whsec_')
  expect(stdout).not.toContain('pr_key_signoff_mock_demo')
})
