import { execFile } from 'node:child_process'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { startMockServer } from '@signoff/mock/node'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { loadSdk, runApprovalFlow } from '../src/flow.ts'
import { generateClient } from '../src/generate.ts'

const run = promisify(execFile)
const main = fileURLToPath(new URL('../src/main.ts', import.meta.url))
const document = fileURLToPath(new URL('../../../packages/schemas/openapi.json', import.meta.url))
let folder = ''

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'signoff-generated-client-'))
  await generateClient(document, folder)
})
afterAll(async () => {
  await rm(folder, { recursive: true, force: true })
})

it('generates a client from the mock\'s /openapi.json and walks the approval loop with it (program output)', async () => {
  const { stdout } = await run(process.execPath, [main], { env: { ...process.env, NO_COLOR: '1' } })
  expect(stdout).toMatch(/^generated a client from http:\/\/127\.0\.0\.1:\d+\/openapi\.json$/m)
  expect(stdout).toMatch(/approval_required: true, checkpoint "review_response"/)
  expect(stdout).toContain('2 pending approvals')
  expect(stdout).toMatch(/→ approved; execution → completed/)
  expect(stdout).toMatch(/→ rejected; execution → rejected/)
})

it('drives the emulator dialect too: the mock holds what the generated client decided', async () => {
  const server = await startMockServer({ quirks: 'emulator' })
  try {
    expect(await readdir(folder)).toEqual(expect.arrayContaining(['sdk.gen.ts', 'types.gen.ts', 'client.gen.ts']))
    const agent = server.mock.store.createAgent({ name: 'Support replies' })
    // Generated from the published file, whose server is PromptRails: point it at this mock.
    const result = await runApprovalFlow(await loadSdk(folder), agent.id, server.mock.store.defaults.apiKey, `${server.url}/api/v1`)

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

// What TypeScript makes of the generated types: open status sets take any string, the decision
// only its two values. The compiler fails on an unused `@ts-expect-error`, so both directions count.
const USAGE = `
import { approvalsDecide, approvalsList } from './index.ts'
export async function decideFirst(): Promise<string> {
  const { data } = await approvalsList({ query: { status: 'escalated' }, throwOnError: true })
  const first = data.data[0]
  if (first === undefined) return ''
  const status: 'pending' | 'approved' | (string & {}) = first.status
  await approvalsDecide({ path: { approval_id: first.id }, body: { decision: 'approved', reason: 'ok' }, headers: { 'Idempotency-Key': 'k' } })
  // @ts-expect-error a decision is approved or rejected
  await approvalsDecide({ path: { approval_id: first.id }, body: { decision: 'maybe' } })
  return status
}
`

it('generates types that compile under strict TypeScript and keep the contract\'s open and closed sets', async () => {
  await writeFile(join(folder, 'usage.ts'), USAGE)
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
  const flags = ['--noEmit', '--strict', '--skipLibCheck', '--target', 'es2022', '--lib', 'es2022,dom']
  const options = [...flags, '--module', 'nodenext', '--moduleResolution', 'nodenext', '--allowImportingTsExtensions']
  const result = await run(process.execPath, [tsc, ...options, join(folder, 'usage.ts')]).then(
    () => '',
    (error: { stdout?: string }) => error.stdout ?? String(error),
  )
  expect(result).toBe('')
})
