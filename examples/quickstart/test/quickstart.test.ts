import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { expect, it } from 'vitest'

const main = fileURLToPath(new URL('../src/main.ts', import.meta.url))

it('walks the approval loop and ends with one run completed and one rejected', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, [main], { env: { ...process.env, NO_COLOR: '1' } })
  expect(stdout).toMatch(/version \S+: approval_required: true, checkpoint "review_response"/)
  expect(stdout.match(/→ awaiting_approval/g)).toHaveLength(2)
  expect(stdout).toContain('2 pending approvals')
  expect(stdout).toMatch(/→ approved \("Accurate and polite"\)/)
  expect(stdout).toMatch(/→ rejected \("Refund policy misquoted"\)/)
  expect(stdout).toMatch(/→ completed {2}output delivered/)
  expect(stdout).toMatch(/→ rejected {2}output discarded/)
  expect(stdout).not.toContain(process.env['PROMPTRAILS_API_KEY'] ?? 'pr_key_signoff_mock_demo')
})
