// Runs the example as a user does, and plays the person: one approval, one rejection.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'

const main = fileURLToPath(new URL('../src/main.ts', import.meta.url))

it('waits for the decisions the test makes, then sends one reply and discards the other', async () => {
  const child = spawn(process.execPath, [main], { env: { ...process.env, NO_COLOR: '1' } })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve))
  const killer = setTimeout(() => child.kill('SIGKILL'), 15_000)

  const until = async (pattern: RegExp) => {
    while (!pattern.test(stdout)) {
      if (child.exitCode !== null) throw new Error(`the example exited early:\n${stdout}\n${stderr}`)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    return pattern.exec(stdout) ?? []
  }
  await until(/signoff approvals reject <id>/)
  const [, baseUrl, apiKey] = await until(/export PROMPTRAILS_BASE_URL=(\S+) PROMPTRAILS_API_KEY=(\S+)/)
  const ids = [...stdout.matchAll(/signoff approvals approve (\S+)/g)].map((match) => match[1])
  expect(ids).toHaveLength(2)

  // The person decides, over the API, as the CLI would.
  const decide = (id: string | undefined, body: object) =>
    fetch(`${baseUrl}/api/v1/approvals/${id}/decide`, {
      method: 'POST',
      headers: { 'x-api-key': apiKey ?? '', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
  const ada = /Ada: the agent's reply waits for approval \(execution (\S+)\)/.exec(stdout)?.[1]
  const approvals = await Promise.all(
    ids.map(async (id) => (await (await fetch(`${baseUrl}/api/v1/approvals/${id}`, { headers: { 'x-api-key': apiKey ?? '' } })).json()) as { data: { id: string; execution_id: string } }),
  )
  const adaApproval = approvals.find((approval) => approval.data.execution_id === ada)?.data.id
  const graceApproval = approvals.find((approval) => approval.data.execution_id !== ada)?.data.id
  expect((await decide(adaApproval, { decision: 'approved', reason: 'Damaged in transit' })).status).toBe(200)
  expect((await decide(graceApproval, { decision: 'rejected', reason: 'Outside the refund window' })).status).toBe(200)

  expect(await exited).toBe(0)
  clearTimeout(killer)
  expect(stdout).toContain('✓ Ada: approved, the reply is sent')
  expect(stdout).toContain('✗ Grace: rejected (Outside the refund window), the reply is discarded')
  expect(stdout).toMatch(/All jobs done\. The watcher made \d+ API request\(s\) while they waited\./)
  expect(stderr).toBe('')
  expect(stdout).not.toContain('whsec_')
})
