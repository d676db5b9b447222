// The webhook secret matters only where webhooks are verified: `signoff webhooks listen` refuses a
// malformed one at start (exit 2), naming the setting and never the value; the commands that
// call the API do not read it at all.
import { expect, it } from 'vitest'
import { runCli, serveCli } from './cli-process.js'
import { useCliFixture } from './cli-fixture.js'

const GOOD = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
const MALFORMED = 'whsec_not*base64!'

const cli = useCliFixture()

it.each([
  ['--secret', ['--secret', MALFORMED], {}],
  ['PROMPTRAILS_WEBHOOK_SECRET', [], { PROMPTRAILS_WEBHOOK_SECRET: MALFORMED }],
])('webhooks listen exits 2 at start on a malformed secret from %s, naming that setting without printing it', async (setting, flags, env) => {
  const result = await runCli(['webhooks', 'listen', '--port', '0', ...flags], env)
  expect(result.code).toBe(2)
  expect(result.stdout).toBe('')
  expect(result.stderr).toMatch(
    new RegExp(`^signoff: ${setting}: the webhook secret must be "whsec_" followed by the base64 key[^\\n]*\\(see signoff webhooks listen --help\\)\\n$`),
  )
  expect(result.stderr).not.toContain('not*base64')
})

it.each([
  ['--secret', ['--secret', MALFORMED], {}],
  ['PROMPTRAILS_WEBHOOK_SECRET', [], { PROMPTRAILS_WEBHOOK_SECRET: MALFORMED }],
])('mock --webhook exits 2 at start on a malformed secret from %s, naming that setting without printing it', async (setting, flags, env) => {
  const result = await runCli(['mock', '--port', '0', '--webhook', 'http://127.0.0.1:1/hooks', ...flags], env)
  expect(result.code).toBe(2)
  expect(result.stdout).toBe('')
  expect(result.stderr).toMatch(new RegExp(`^signoff: ${setting}: the webhook secret must be "whsec_" followed by the base64 key[^\\n]*\\(see signoff mock --help\\)\\n$`))
  expect(result.stderr).not.toContain('not*base64')
})

it('webhooks listen takes a good --secret over a malformed PROMPTRAILS_WEBHOOK_SECRET', async () => {
  const { cli: listener } = await serveCli(['webhooks', 'listen', '--port', '0', '--secret', GOOD], { PROMPTRAILS_WEBHOOK_SECRET: MALFORMED })
  expect((await listener.stop()).code).toBe(0)
})

it('webhooks listen refuses a rotation with one malformed entry, though the CLI takes one secret', async () => {
  // A malformed secret next to a good one is still malformed: a space is not part of base64.
  const result = await runCli(['webhooks', 'listen', '--port', '0', '--secret', `${GOOD} whsec_abc`])
  expect(result.code).toBe(2)
  expect(result.stderr).toMatch(/^signoff: --secret: /)
  expect(result.stderr).not.toContain(GOOD.slice(6))
})

it('a malformed PROMPTRAILS_WEBHOOK_SECRET does not break the commands that call the API', async () => {
  const id = await cli.pendingApproval()
  const env = { PROMPTRAILS_WEBHOOK_SECRET: MALFORMED }
  const listed = await cli.signoff(['approvals', 'list', '--json'], env)
  expect({ code: listed.code, stderr: listed.stderr }).toEqual({ code: 0, stderr: '' })
  expect(listed.stdout).toContain(id)
  expect((await cli.signoff(['approvals', 'get', id], env)).code).toBe(0)
  expect((await cli.signoff(['approvals', 'approve', id, '--reason', 'Fine'], env)).code).toBe(0)
})
