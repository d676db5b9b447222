// What makes the CLI safe in scripts: decisions safe to repeat, secrets blanked from results too,
// an unreachable API told apart from "still pending", a bad address named before anything is sent.
import { createServer } from 'node:net'
import { describe, expect, it } from 'vitest'
import { runCli, startCli } from './cli-process.js'
import { KEY, lines, useCliFixture } from './cli-fixture.js'

const cli = useCliFixture()

/** An address on 127.0.0.1 where nothing listens: a port just freed. */
async function closedPort(): Promise<string> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const address = probe.address()
  await new Promise((resolve) => probe.close(resolve))
  if (address === null || typeof address === 'string') throw new Error('no port')
  return `http://127.0.0.1:${address.port}`
}

describe('approvals approve and reject, repeated', () => {
  it('exits 0 and says so when the same decision is already made; a different one stays a conflict', async () => {
    const id = await cli.pendingApproval()
    const first = await cli.signoff(['approvals', 'approve', id, '--reason', 'Accurate'])
    expect(first.code).toBe(0)
    const again = await cli.signoff(['approvals', 'approve', id, '--reason', 'Accurate'])
    expect(again).toMatchObject({ code: 0, stderr: 'already approved: nothing was changed\n' })
    expect(again.stdout).toMatch(new RegExp(`^${id} approved by \\S+ \\(reason: Accurate\\)\\n$`))
    const json = await cli.signoff(['approvals', 'approve', id, '--json'])
    expect(json.code).toBe(0)
    expect(JSON.parse(json.stdout)).toMatchObject({ id, status: 'approved', reason: 'Accurate' })

    const other = await cli.signoff(['approvals', 'reject', id, '--reason', 'Too late'])
    expect(other.code).toBe(1)
    expect(other.stderr).toMatch(/^signoff: approvals\.decide: 409 .*\(it is approved\)\n$/)
    expect(cli.server.mock.store.getApproval(id)).toMatchObject({ status: 'approved', reason: 'Accurate' })
  })
})

describe('secrets in results', () => {
  it('blanks the key from results on stdout too, in tables, details and JSON', async () => {
    const id = await cli.pendingApproval(`The customer pasted ${KEY} into the chat`)
    const outputs = [
      await cli.signoff(['approvals', 'get', id]),
      await cli.signoff(['approvals', 'get', id, '--json']),
      await cli.signoff(['approvals', 'list', '--json', '--limit', '1000']),
    ]
    for (const { code, stdout } of outputs) {
      expect(code).toBe(0)
      expect(stdout).toContain('The customer pasted [redacted] into the chat')
    }
    // Still JSON a script can read.
    expect(JSON.parse(outputs[1]!.stdout)).toMatchObject({ id, payload: { input: { message: 'The customer pasted [redacted] into the chat' } } })
  })
})

describe('approvals wait against an API that does not answer', () => {
  it('shows that the API is not answering while it retries, and exits 6 (not 5, "still pending") on --timeout', async () => {
    const address = await closedPort()
    const args = ['approvals', 'wait', '2Nz3qkGXBtBLqYuwKyWqu9BFWaE', '--interval', '50ms', '--max-interval', '100ms']
    const { code, stdout, stderr } = await runCli([...args, '--timeout', '3s'], { PROMPTRAILS_API_KEY: KEY, PROMPTRAILS_BASE_URL: address })
    expect(code).toBe(6)
    expect(stdout).toBe('')
    expect(stderr).toMatch(/^the API is not answering \(.+\); trying again after \d+s$/m)
    expect(lines(stderr).at(-1)).toMatch(/^signoff: no decision on 2Nz3qkGXBtBLqYuwKyWqu9BFWaE within 3s; the API did not answer \(.+\): check PROMPTRAILS_BASE_URL or --base-url$/)

    // Without --timeout it keeps trying, and says so, until stopped.
    const waiting = startCli(args, { PROMPTRAILS_API_KEY: KEY, PROMPTRAILS_BASE_URL: address })
    await waiting.line(/^the API is not answering/, 'stderr')
    expect((await waiting.stop('SIGINT')).code).toBe(130)
    expect(stdout + stderr + waiting.output.stderr).not.toContain(KEY)
  })

  it('shows the cause of a refused connection with --debug (ECONNREFUSED), and only the one line without', async () => {
    const env = { PROMPTRAILS_API_KEY: KEY, PROMPTRAILS_BASE_URL: await closedPort() }
    const debug = await runCli(['approvals', 'list', '--debug'], env)
    expect(debug.code).toBe(1)
    expect(debug.stdout).toBe('')
    expect(debug.stderr).toMatch(/^signoff: approvals\.list: the connection failed[^\n]*\(is the API address right\? PROMPTRAILS_BASE_URL or --base-url\)\n/)
    expect(debug.stderr).toMatch(/^caused by: \w*Error ECONNREFUSED: connect ECONNREFUSED 127\.0\.0\.1:\d+$/m)
    const plain = await runCli(['approvals', 'list'], env)
    expect(plain.code).toBe(1)
    expect(lines(plain.stderr)).toHaveLength(1)
    expect(debug.stderr + plain.stderr).not.toContain(KEY)
  })

  it('names PROMPTRAILS_BASE_URL or --base-url when the address has no http(s) scheme, exit 2, nothing sent', async () => {
    const byEnv = await cli.signoff(['approvals', 'list'], { PROMPTRAILS_BASE_URL: 'localhost:4010' })
    expect(byEnv.code).toBe(2)
    expect(byEnv.stderr).toBe(
      'signoff: PROMPTRAILS_BASE_URL must be an http:// or https:// address, such as https://api.promptrails.ai or http://127.0.0.1:4010 (see signoff approvals list --help)\n',
    )
    const byFlag = await cli.signoff(['approvals', 'wait', 'x', '--base-url', 'ftp://example.com'])
    expect(byFlag.code).toBe(2)
    expect(byFlag.stderr).toMatch(/^signoff: --base-url must be an http:\/\/ or https:\/\/ address/)
  })
})
