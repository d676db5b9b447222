// The long-running commands, `signoff mock` and `signoff webhooks listen`, run as the built bin
// until Ctrl-C; every request goes over real HTTP on 127.0.0.1.
import { Webhook } from 'standardwebhooks'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { assertCliBuilt, killLeftovers, runCli, serveCli } from './cli-process.js'

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
const DEMO_KEY = 'pr_key_signoff_mock_demo'

beforeAll(assertCliBuilt)
afterEach(killLeftovers)

const serve = serveCli

describe('signoff mock', () => {
  it('prints a URL that answers with the printed key, seeded with --pending, until Ctrl-C', async () => {
    const { cli, url } = await serve(['mock', '--port', '0', '--pending', '2'])
    const key = (await cli.line(/^API key +\S+/)).split(/ +/)[2]
    expect(key).toBe(DEMO_KEY)
    const response = await fetch(`${url}/api/v1/approvals?status=pending`, { headers: { 'x-api-key': DEMO_KEY } })
    expect(response.status).toBe(200)
    const body = (await response.json()) as { data: { checkpoint_name: string }[]; meta: Record<string, unknown> }
    expect(body.data.map((approval) => approval.checkpoint_name)).toEqual(['review', 'review'])
    expect(body.meta).toHaveProperty('total_pages')

    const { code, stderr } = await cli.stop('SIGINT')
    expect(code).toBe(0)
    expect(stderr).toContain('stopping the mock')
    await expect(fetch(`${url}/api/v1/approvals`)).rejects.toThrow()
  })

  it('answers like the public emulator with --quirks emulator', async () => {
    const { cli, url } = await serve(['mock', '--port', '0', '--quirks', 'emulator'])
    const response = await fetch(`${url}/api/v1/approvals`, { headers: { 'x-api-key': DEMO_KEY } })
    expect(((await response.json()) as { meta: Record<string, unknown> }).meta).toHaveProperty('total_pages')
    expect((await cli.stop('SIGTERM')).code).toBe(0)
  })

  it('injects the faults asked for on the route asked for, the same on every run of a seed, and counts them', async () => {
    const args = ['mock', '--port', '0', '--faults', '0.5', '--fault-kinds', 'server_error,unavailable', '--fault-route', 'GET /approvals', '--seed', '7']
    const statuses = async () => {
      const { cli, url } = await serve(args)
      await cli.line(/^faults +50% of requests to GET \/approvals fail \(server_error,unavailable; seed 7\)$/)
      const seen: number[] = []
      for (let index = 0; index < 20; index++) {
        const response = await fetch(`${url}/api/v1/approvals`, { headers: { 'x-api-key': DEMO_KEY } })
        if (response.status !== 200) expect(response.headers.get('x-signoff-mock-fault')).toBe('injected')
        seen.push(response.status)
      }
      // Other routes are left alone.
      const other = await fetch(`${url}/api/v1/agents`, { headers: { 'x-api-key': DEMO_KEY } })
      expect(other.status).toBe(200)
      const end = await cli.stop()
      expect(end.code).toBe(0)
      const failed = seen.filter((status) => status !== 200).length
      expect(end.stderr).toMatch(new RegExp(`injected ${failed} faults: `))
      return seen
    }
    const first = await statuses()
    expect(new Set(first)).toEqual(new Set([200, 500, 503]))
    expect(await statuses()).toEqual(first)
  })

  it('refuses fault flags it cannot honour, naming what is allowed', async () => {
    const cases: [string[], RegExp][] = [
      [['--faults', '1.5'], /--faults must be a share from 0 to 1/],
      [['--faults', '0.2', '--fault-kinds', 'server_error,meteor'], /--fault-kinds takes kinds from: server_error, .* \(not meteor\)/],
      [['--faults', '0.2', '--fault-route', 'approvals'], /--fault-route must be a path/],
      [['--seed', '3'], /--seed shapes the faults of --faults; give --faults too/],
    ]
    for (const [flags, message] of cases) {
      const result = await runCli(['mock', '--port', '0', ...flags])
      expect(result.code).toBe(2)
      expect(result.stderr).toMatch(message)
      expect(result.stdout).toBe('')
    }
  })

  it('refuses --webhook without a secret, and a secret without --webhook', async () => {
    const noSecret = await runCli(['mock', '--webhook', 'http://127.0.0.1:1/hooks'])
    expect(noSecret.code).toBe(2)
    expect(noSecret.stderr).toMatch(/^signoff: --webhook needs --secret [^\n]+\n$/)
    const noUrl = await runCli(['mock', '--secret', SECRET])
    expect(noUrl.code).toBe(2)
    expect(noUrl.stderr).not.toContain(SECRET)
  })
})

describe('signoff webhooks listen', () => {
  it('prints each verified event on a line, and turns away a forged one', async () => {
    const { cli, url } = await serve(['webhooks', 'listen', '--port', '0', '--debug'], { PROMPTRAILS_WEBHOOK_SECRET: SECRET })
    const approval = {
      id: '2Nz3qkGXBtBLqYuwKyWqu9BFWaE',
      execution_id: '2Nz3qkGXBtBLqYuwKyWqu9BFWaF',
      agent_id: '2Nz3qkGXBtBLqYuwKyWqu9BFWaG',
      workspace_id: '2Nz3qkGXBtBLqYuwKyWqu9BFWaH',
      checkpoint_name: 'review',
      payload: { draft: 'Your order ships Monday.' },
      status: 'approved',
      decided_by: 'reviewer@example.com',
      decided_at: '2026-11-25T09:41:07Z',
      expires_at: null,
      reason: 'Accurate',
      created_at: '2026-11-25T09:40:00Z',
    }
    const body = JSON.stringify({
      type: 'approval.decided',
      timestamp: '2026-11-25T09:41:07Z',
      data: { approval, execution: { id: approval.execution_id, agent_id: approval.agent_id, status: 'completed' } },
    })
    const id = 'msg_cli_test_1'
    const now = new Date()
    const headers = {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': new Webhook(SECRET).sign(id, now, body),
    }
    const delivered = await fetch(url, { method: 'POST', headers, body })
    expect(delivered.status).toBe(200)
    const line = await cli.line(/approval\.decided/)
    expect(line).toBe(`2026-11-25T09:41:07Z approval.decided: approval ${approval.id} approved at review, execution ${approval.execution_id} completed`)

    const forged = await fetch(url, { method: 'POST', headers: { ...headers, 'webhook-id': 'msg_forged' }, body: body.replace('Accurate', 'Forged') })
    expect(forged.status).toBe(401)
    await cli.line(/^rejected a delivery: /, 'stderr')

    const { code, stdout, stderr } = await cli.stop()
    expect(code).toBe(0)
    expect(stdout.split('\n').filter((text) => text.includes('approval.decided'))).toHaveLength(1)
    expect(stdout + stderr).not.toContain(SECRET)
  })

  it('receives what `signoff mock --webhook` sends, as a decision is made with `signoff approvals approve`', async () => {
    const listener = await serve(['webhooks', 'listen', '--port', '0', '--secret', SECRET])
    const mock = await serve(['mock', '--port', '0', '--pending', '1', '--webhook', `${listener.url}/hooks`, '--secret', SECRET])
    const awaiting = await listener.cli.line(/execution\.awaiting_approval: approval \S+ pending at review/)
    const approvalId = awaiting.split(' ')[3] ?? ''

    const approve = await runCli(['approvals', 'approve', approvalId, '--reason', 'ok'], {
      PROMPTRAILS_API_KEY: DEMO_KEY,
      PROMPTRAILS_BASE_URL: mock.url,
    })
    expect(approve.code).toBe(0)
    await listener.cli.line(new RegExp(`approval\\.decided: approval ${approvalId} approved at review, execution \\S+ completed`))

    const [mockEnd, listenerEnd] = await Promise.all([mock.cli.stop(), listener.cli.stop()])
    expect(mockEnd.code).toBe(0)
    expect(listenerEnd.code).toBe(0)
    for (const end of [mockEnd, listenerEnd]) expect(end.stdout + end.stderr).not.toContain(SECRET)
  })

  it('needs a signing secret', async () => {
    const result = await runCli(['webhooks', 'listen', '--port', '0'])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('signoff: no signing secret: pass --secret whsec_… or set PROMPTRAILS_WEBHOOK_SECRET (see signoff webhooks listen --help)\n')
  })
})
