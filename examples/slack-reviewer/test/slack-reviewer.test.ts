import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { expect, it } from 'vitest'

const main = fileURLToPath(new URL('../src/main.ts', import.meta.url))

it('walks reviewers through Slack against the fake: a refusal, a rejection with a reason, a decision made elsewhere', async () => {
  // Without Slack credentials the example uses its fake Slack, whatever the machine has set.
  const env = { ...process.env, NO_COLOR: '1', SLACK_BOT_TOKEN: '', SLACK_SIGNING_SECRET: '', SLACK_CHANNEL: '' }
  const { stdout, stderr } = await promisify(execFile)(process.execPath, [main], { env })
  expect(stdout).toMatch(/→ run paused: approval \S+ posted to #approvals \(channel C\d+\) with approve \/ reject/)
  expect(stdout).toContain('Slack told her alone: "You are not allowed to decide this approval, so nothing was decided."')
  expect(stdout).toContain('the approval is still pending')
  expect(stdout).toMatch(
    /✓ approval \S+ is rejected; its reason in the API: "Rejected in Slack by <@U0BOB0001> \(bob, team T0FAKETEAM\): Refunds over \$100 need a manager"/,
  )
  expect(stdout).toContain('the message now shows no buttons')
  expect(stdout).toContain('its Slack message was updated to the outcome, with no buttons')
  expect(stdout).toMatch(/Slack calls: chat\.postMessage ×2, .*chat\.postEphemeral ×1.*views\.open ×1/)
  expect(stderr).toBe('')
  expect(stdout).not.toMatch(/whsec_|xoxb-|pr_key_signoff_mock_demo/)
})
