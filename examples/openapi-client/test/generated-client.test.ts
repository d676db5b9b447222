import { execFile } from 'node:child_process'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { startMockServer } from '@signoff/mock/node'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { loadSdk, runApprovalFlow } from '../src/flow.ts'
import { generateClient } from '../src/generate.ts'

const main = fileURLToPath(new URL('../src/main.ts', import.meta.url))
let folder = ''

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'signoff-generated-client-'))
})
afterAll(async () => {
  await rm(folder, { recursive: true, force: true })
})

it('generates a client from the mock\'s /openapi.json and walks the approval loop with it (program output)', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, [main], { env: { ...process.env, NO_COLOR: '1' } })
  expect(stdout).toMatch(/^generated a client from http:\/\/127\.0\.0\.1:\d+\/openapi\.json$/m)
  expect(stdout).toMatch(/approval_required: true, checkpoint "review_response"/)
  expect(stdout).toContain('2 pending approvals')
  expect(stdout).toMatch(/→ approved; execution → completed/)
  expect(stdout).toMatch(/→ rejected; execution → rejected/)
})

it('drives the emulator dialect too: the mock holds what the generated client decided', async () => {
  const server = await startMockServer({ quirks: 'emulator' })
  try {
    await generateClient(`${server.url}/openapi.json`, folder)
    expect(await readdir(folder)).toEqual(expect.arrayContaining(['sdk.gen.ts', 'types.gen.ts', 'client.gen.ts']))
    const agent = server.mock.store.createAgent({ name: 'Support replies' })
    const result = await runApprovalFlow(await loadSdk(folder), agent.id, server.mock.store.defaults.apiKey)

    expect(result.pending.map((approval) => approval.status)).toEqual(['pending', 'pending'])
    expect(result.decided.map((approval) => approval.status)).toEqual(['approved', 'rejected'])
    expect(result.executions.map((execution) => execution.status)).toEqual(['completed', 'rejected'])
    // Read back from the mock itself, not through the client under test.
    const [approved, rejected] = result.decided.map((approval) => server.mock.store.getApproval(approval.id))
    expect(approved?.decided_by).toBeTruthy()
    expect(rejected?.status).toBe('rejected')
    const [completed, discarded] = result.executions.map((execution) => server.mock.store.getExecution(execution.id ?? ''))
    expect(completed?.output).toEqual({ text: 'Draft reply: Where is my order?' })
    expect(discarded?.output ?? null).toBeNull()
    expect(server.mock.store.getAgent(agent.id)?.current_version?.config).toMatchObject({ approval_required: true })
  } finally {
    await server.close()
  }
})
