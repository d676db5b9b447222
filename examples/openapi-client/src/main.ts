// Starts the mock, generates a client from the document it serves, and walks the approval loop
// with that client alone.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startMockServer } from '@signoff/mock/node'
import { loadSdk, runApprovalFlow } from './flow.ts'
import { generateClient } from './generate.ts'

const server = await startMockServer()
const folder = await mkdtemp(join(tmpdir(), 'signoff-openapi-client-'))
try {
  const agent = server.mock.store.createAgent({ name: 'Support replies' })
  await generateClient(`${server.url}/openapi.json`, folder)
  console.log(`generated a client from ${server.url}/openapi.json`)
  const result = await runApprovalFlow(await loadSdk(folder), agent.id, server.mock.store.defaults.apiKey)
  const config = result.version.config
  console.log(`version ${result.version.id}: approval_required: ${String(config?.approval_required)}, checkpoint "${config?.checkpoint_name ?? ''}"`)
  console.log(`${result.pending.length} pending approvals`)
  for (const [index, approval] of result.decided.entries()) {
    const execution = result.executions[index]
    console.log(`approval ${approval.id} → ${approval.status}; execution → ${execution?.status ?? '?'}`)
  }
} finally {
  await rm(folder, { recursive: true, force: true })
  await server.close()
}
