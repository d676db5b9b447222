// Runs the example as a user does, and plays the person: two approvals and a rejection, made
// after every job parked and a worker restarted.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { Signoff } from '@signoff/client'
import { expect, inject, it } from 'vitest'

const main = fileURLToPath(new URL('../src/main.ts', import.meta.url))

// The example's process, its output so far, and a way to wait for a line of it.
function runExample(env: Record<string, string>) {
  const child = spawn(process.execPath, [main], { env: { ...process.env, ...env } })
  const output = { stdout: '', stderr: '' }
  child.stdout.on('data', (chunk: Buffer) => void (output.stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => void (output.stderr += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve))
  async function printed(pattern: RegExp): Promise<RegExpExecArray> {
    for (let match = pattern.exec(output.stdout); ; match = pattern.exec(output.stdout)) {
      if (match !== null) return match
      if (child.exitCode !== null) throw new Error(`the example exited early:\n${output.stdout}\n${output.stderr}`)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }
  return { child, output, exited, printed }
}

it('finishes every refund as decided, through a worker restart', { timeout: 30_000 }, async () => {
  const example = runExample({ REDIS_URL: inject('redisUrl'), NO_COLOR: '1' })
  const killer = setTimeout(() => example.child.kill('SIGKILL'), 28_000)
  await example.printed(/signoff approvals reject <id>/)
  const [, baseUrl, apiKey] = await example.printed(/export PROMPTRAILS_BASE_URL=(\S+) PROMPTRAILS_API_KEY=(\S+)/)
  const client = new Signoff({ apiKey: apiKey ?? '', baseUrl: baseUrl ?? '' })
  const ids = [...example.output.stdout.matchAll(/signoff approvals approve (\S+)/g)].map((match) => match[1] ?? '')
  expect(ids).toHaveLength(3)
  for (const id of ids) {
    const approval = await client.approvals.get(id)
    const customer = (approval.payload as { input: { customer: string } }).input.customer
    if (customer === 'Grace') await client.approvals.decide(id, { decision: 'rejected', reason: 'Outside the refund window' })
    else await client.approvals.decide(id, { decision: 'approved', reason: 'Fine' })
  }

  expect(await example.exited).toBe(0)
  clearTimeout(killer)
  expect(example.output.stdout).toContain('All 3 jobs are parked in Redis')
  expect(example.output.stdout).toContain('Ada: refunded (Fine)')
  expect(example.output.stdout).toContain('Grace: declined (Outside the refund window)')
  expect(example.output.stdout).toContain('Linus: refunded (Fine)')
  // Each reply was drafted once, however often the jobs ran.
  expect(example.output.stdout.match(/the reply waits for approval/g)).toHaveLength(3)
  expect(example.output.stderr).toBe('')
  expect(example.output.stdout).not.toContain('whsec_')
})
