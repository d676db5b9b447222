// The `signoff approvals …` commands, run as the built bin against the mock's real HTTP server.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { runCli, startCli } from './cli-process.js'
import { KEY, lines, useCliFixture } from './cli-fixture.js'

const cli = useCliFixture()
const { env, pendingApproval, signoff } = cli

describe('approvals list', () => {
  it('prints an aligned table of id, status, checkpoint, agent and creation time', async () => {
    const ids = [await pendingApproval(), await pendingApproval()]
    const { code, stdout } = await signoff(['approvals', 'list', '--status', 'pending'])
    expect(code).toBe(0)
    const [header, ...rows] = lines(stdout)
    expect(header).toMatch(/^ID +STATUS +CHECKPOINT +AGENT +CREATED$/)
    for (const id of ids) expect(rows.some((row) => row.startsWith(`${id}  `))).toBe(true)
    // Aligned: every column starts where its header does.
    for (const column of ['STATUS', 'CHECKPOINT', 'AGENT', 'CREATED']) {
      const start = header?.indexOf(column) ?? -1
      for (const row of rows) expect(row.slice(start - 2, start)).toBe('  ')
    }
    expect(rows[0]).toMatch(new RegExp(` pending +review +${cli.agentId} +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ$`))
  })

  it('prints JSON lines with --json, filtered and limited; stderr says what was left out', async () => {
    const approved = await pendingApproval()
    await cli.client.approvals.decide({ approval_id: approved, decision: 'approved' })
    const all = await signoff(['approvals', 'list', '--json', '--limit', '1000'])
    const parsed = lines(all.stdout).map((line) => JSON.parse(line) as { id: string; status: string })
    expect(parsed.map((approval) => approval.id)).toEqual(cli.server.mock.store.listApprovals().map((approval) => approval.id))

    const onlyApproved = await signoff(['approvals', 'list', '--json', '--status', 'approved', '--agent', cli.agentId])
    expect(lines(onlyApproved.stdout).map((line) => JSON.parse(line) as { status: string })).toContainEqual(
      expect.objectContaining({ id: approved, status: 'approved' }),
    )
    expect(lines(onlyApproved.stdout).every((line) => (JSON.parse(line) as { status: string }).status === 'approved')).toBe(true)

    const limited = await signoff(['approvals', 'list', '--json', '--limit', '1'])
    expect(lines(limited.stdout)).toHaveLength(1)
    expect(limited.stderr).toMatch(/^showing 1 of \d+; use --limit to see more\n$/)
  })
})

describe('approvals get, approve, reject', () => {
  it('shows one approval with its payload, or as JSON', async () => {
    const id = await pendingApproval('Can I get a refund?')
    const { code, stdout } = await signoff(['approvals', 'get', id])
    expect(code).toBe(0)
    expect(stdout).toMatch(new RegExp(`^id +${id}$`, 'm'))
    expect(stdout).toMatch(/^status +pending$/m)
    expect(stdout).toMatch(/^checkpoint +review$/m)
    expect(stdout).toContain('"message": "Can I get a refund?"')

    const json = await signoff(['approvals', 'get', id, '--json'])
    expect(JSON.parse(json.stdout)).toEqual(cli.server.mock.store.getApproval(id))
  })

  it('approves with an optional reason', async () => {
    const id = await pendingApproval()
    const { code, stdout, stderr } = await signoff(['approvals', 'approve', id, '--reason', 'Accurate and polite'])
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' })
    expect(stdout).toMatch(new RegExp(`^${id} approved by \\S+ \\(reason: Accurate and polite\\)\\n$`))
    expect(cli.server.mock.store.getApproval(id)).toMatchObject({ status: 'approved', reason: 'Accurate and polite' })
  })

  it('rejects only with a reason: without one it is a usage error and nothing is sent', async () => {
    const id = await pendingApproval()
    const bare = await signoff(['approvals', 'reject', id])
    expect(bare.code).toBe(2)
    expect(bare.stdout).toBe('')
    expect(bare.stderr).toBe('signoff: reject needs --reason "why" (see signoff approvals reject --help)\n')
    expect(cli.server.mock.store.getApproval(id)?.status).toBe('pending')

    const { code, stdout } = await signoff(['approvals', 'reject', id, '--reason=Refund policy misquoted'])
    expect(code).toBe(0)
    expect(stdout).toContain(`${id} rejected`)
    expect(cli.server.mock.store.getApproval(id)).toMatchObject({ status: 'rejected', reason: 'Refund policy misquoted' })
  })

  it('ends with exit 1 and one stderr line for an unknown id or a second, different decision', async () => {
    const missing = await signoff(['approvals', 'get', '3MaPJjqM7fe3avRBt4VtqkzsZZZ'])
    expect(missing.code).toBe(1)
    expect(missing.stdout).toBe('')
    expect(missing.stderr).toMatch(/^signoff: approvals\.get: 404 [^\n]+\n$/)

    const id = await pendingApproval()
    await cli.client.approvals.decide({ approval_id: id, decision: 'approved' })
    const conflict = await signoff(['approvals', 'reject', id, '--reason', 'too late'])
    expect(conflict.code).toBe(1)
    expect(conflict.stderr).toMatch(/^signoff: approvals\.decide: 409 [^\n]+\n$/)
  })
})

describe('approvals wait', () => {
  const waitArgs = (id: string, ...more: string[]) => ['approvals', 'wait', id, '--interval', '50ms', '--max-interval', '100ms', ...more]

  it('waits while a person decides, then prints the outcome: exit 0 approved, 3 rejected', async () => {
    for (const [decision, exitCode] of [['approved', 0], ['rejected', 3]] as const) {
      const id = await pendingApproval()
      const waiting = startCli(waitArgs(id), env())
      // Off a terminal, progress goes to stderr as plain lines; the CLI polled and found it pending.
      await waiting.line(/^still pending after \d+s$/, 'stderr')
      await cli.client.approvals.decide({ approval_id: id, decision, reason: 'checked' })
      const { code, stdout, stderr } = await waiting.exited
      expect(code).toBe(exitCode)
      expect(stdout).toMatch(new RegExp(`^${id} ${decision} by \\S+ \\(reason: checked\\)\\n$`))
      expect(stderr).toContain(`waiting for a decision on ${id}`)
      expect(stdout + stderr).not.toContain(KEY)
    }
  })

  it('exits 4 when the approval expires while it waits', async () => {
    const id = await pendingApproval()
    const waiting = startCli(waitArgs(id, '--json'), env())
    await waiting.line(/^still pending/, 'stderr')
    cli.advanceClock(2 * 3600_000) // past the agent's one-hour expiry, by the mock's clock
    const { code, stdout } = await waiting.exited
    expect(code).toBe(4)
    expect(JSON.parse(stdout)).toMatchObject({ id, status: 'expired' })
  })

  it('exits 130 when interrupted with Ctrl-C', async () => {
    const id = await pendingApproval()
    const waiting = startCli(waitArgs(id), env())
    await waiting.line(/^still pending/, 'stderr')
    const { code, stdout, stderr } = await waiting.stop('SIGINT')
    expect(code).toBe(130)
    expect(stdout).toBe('')
    expect(lines(stderr).at(-1)).toBe('signoff: interrupted')
  })

  it('exits 5 when --timeout passes with no decision', async () => {
    const id = await pendingApproval()
    // Long enough for a poll to answer "pending" on a busy machine: before one does, the state is unknown (exit 6).
    const waiting = startCli(waitArgs(id, '--timeout', '3s'), env())
    await waiting.line(/^still pending/, 'stderr')
    const { code, stdout, stderr } = await waiting.exited
    expect(code).toBe(5)
    expect(stdout).toBe('')
    expect(lines(stderr).at(-1)).toBe(`signoff: no decision on ${id} within 3s; it is still pending`)
    expect(cli.server.mock.store.getApproval(id)?.status).toBe('pending')
  })
})

describe('help, usage errors and secrets', () => {
  it('answers --help and -h on every level, and --version', async () => {
    const main = await runCli(['--help'])
    expect(main.code).toBe(0)
    for (const command of ['approvals list', 'approvals get <id>', 'approvals wait <id>', 'mock', 'webhooks listen']) {
      expect(main.stdout).toContain(`  ${command}`)
    }
    const group = await runCli(['approvals', '-h'])
    expect(group.stdout).toMatch(/^Usage: signoff approvals <command>/)
    const wait = await runCli(['approvals', 'wait', '--help'])
    expect(wait.stdout).toMatch(/^Usage: signoff approvals wait <id> \[options\]/)
    expect(wait.stdout).toContain('3 rejected, 4 expired, 5 timed out')
    const version = await runCli(['--version'])
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
    expect(version.stdout).toBe(`${manifest.version}\n`)
  })

  it('exits 2 with one stderr line for unknown commands and options, missing arguments, no key', async () => {
    const cases: [string[], RegExp][] = [
      [['approvals', 'frobnicate'], /^signoff: unknown command "approvals frobnicate" \(see signoff approvals --help\)\n$/],
      [['approvals', 'list', '--colour'], /^signoff: unknown option --colour /],
      [['approvals', 'get'], /^signoff: missing <id> /],
      [['approvals', 'list', '--limit', 'many'], /^signoff: --limit must be a whole number/],
      [['approvals', 'wait', 'x', '--timeout', 'soon'], /^signoff: --timeout must be a duration/],
    ]
    for (const [args, message] of cases) {
      const result = await signoff(args)
      expect({ args, code: result.code, lines: lines(result.stderr).length }).toEqual({ args, code: 2, lines: 1 })
      expect(result.stderr).toMatch(message)
    }
    const noKey = await runCli(['approvals', 'list'], { PROMPTRAILS_BASE_URL: cli.server.url })
    expect(noKey.code).toBe(2)
    expect(noKey.stderr).toBe('signoff: no API key: set PROMPTRAILS_API_KEY or pass --api-key (see signoff approvals list --help)\n')
    const bare = await runCli([])
    expect(bare.code).toBe(2)
    expect(bare.stderr).toMatch(/^Usage: signoff <command>/)
  })

  it('never prints the API key, not even with --debug, whether given by flag or environment', async () => {
    const refused = await runCli(['approvals', 'list', '--debug', '--api-key', `${KEY}_wrong`, '--base-url', cli.server.url])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/^signoff: approvals\.list: 401 .*check PROMPTRAILS_API_KEY or --api-key/)
    expect(refused.stderr).toMatch(/\n +at /) // --debug adds the stack
    // Nothing listens on port 9 of 127.0.0.1: the connection error must not carry the key either.
    const unreachable = await runCli(['approvals', 'get', 'abc', '--debug'], { PROMPTRAILS_API_KEY: KEY, PROMPTRAILS_BASE_URL: 'http://127.0.0.1:9' })
    expect(unreachable.code).toBe(1)
    // A key typed under a wrong option name is not echoed back in the complaint.
    const typo = await runCli(['approvals', 'list', `--api-keyy=${KEY}`, '--debug'])
    expect(typo.stderr).toBe('signoff: unknown option --api-keyy (see signoff approvals list --help)\n')
    for (const result of [refused, unreachable, typo]) expect(result.stdout + result.stderr).not.toContain(KEY)
  })
})
