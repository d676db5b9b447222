// `signoff webhooks listen` refuses a malformed secret at start (exit 2), as the receiver does.
import { afterEach, beforeAll, expect, it } from 'vitest'
import { assertCliBuilt, killLeftovers, runCli } from './cli-process.js'

const GOOD = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'

beforeAll(assertCliBuilt)
afterEach(killLeftovers)

it.each([
  ['--secret', ['--secret', 'whsec_not*base64!'], {}],
  ['PROMPTRAILS_WEBHOOK_SECRET', [], { PROMPTRAILS_WEBHOOK_SECRET: 'whsec_not*base64!' }],
])('webhooks listen exits 2 at start on a malformed secret from %s, without printing it', async (_from, flags, env) => {
  const result = await runCli(['webhooks', 'listen', '--port', '0', ...flags], env)
  expect(result.code).toBe(2)
  expect(result.stdout).toBe('')
  expect(result.stderr).toMatch(/^signoff: .*secret.* must be "whsec_" followed by the base64 key/)
  expect(result.stderr).not.toContain('not*base64')
})

it('webhooks listen refuses a rotation with one malformed entry, though the CLI takes one secret', async () => {
  // A malformed secret next to a good one is still malformed: a space is not part of base64.
  const result = await runCli(['webhooks', 'listen', '--port', '0', '--secret', `${GOOD} whsec_abc`])
  expect(result.code).toBe(2)
  expect(result.stderr).not.toContain(GOOD.slice(6))
})
