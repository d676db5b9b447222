// A user's @signoff/client may be another copy than the one @signoff/node was built with (two
// versions in one install): its errors are other classes, so `instanceof` fails. The waits must
// still tell passing trouble from the end of a wait, by the client's brand guards.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import * as client from '@signoff/client'
import { startMockServer, type MockServer } from '@signoff/mock/node'
import { build } from 'esbuild'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { isTransient, waitForDecision } from '../../src/index.js'

const entry = fileURLToPath(new URL('../../../client/src/index.ts', import.meta.url))
const schemasEntry = fileURLToPath(new URL('../../../schemas/src/index.ts', import.meta.url))

let other: typeof client
let folder = ''
let server: MockServer

beforeAll(async () => {
  // The client bundled whole (ky and zod inside), as a second install would hold it.
  const bundle = await build({ entryPoints: [entry], bundle: true, platform: 'neutral', format: 'esm', write: false, logLevel: 'silent', alias: { '@signoff/schemas': schemasEntry } })
  folder = await mkdtemp(join(tmpdir(), 'signoff-other-client-'))
  const file = join(folder, 'client.mjs')
  await writeFile(file, bundle.outputFiles[0]?.text ?? '')
  other = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as typeof client
  server = await startMockServer()
})
afterAll(async () => {
  await server.close()
  await rm(folder, { recursive: true, force: true })
})

it('isTransient knows the passing trouble of another copy of the client, and what is not', () => {
  const init = (status: number) => ({ status, body: { error: 'x' }, headers: new Headers(), method: 'approvals.get' })
  const refused = new other.ConnectionError('approvals.get: the connection failed')
  expect(refused).not.toBeInstanceOf(client.ConnectionError)
  expect(isTransient(refused)).toBe(true)
  expect(isTransient(new other.TimeoutError('approvals.get: no response in time'))).toBe(true)
  expect(isTransient(new other.InternalServerError(init(503)))).toBe(true)
  expect(isTransient(new other.RateLimitError(init(429)))).toBe(true)
  expect(isTransient(new other.ResponseValidationError('approvals.get', 502, [], { notJson: true }))).toBe(true)
  expect(isTransient(new other.ResponseValidationError('approvals.get', 200, []))).toBe(false)
  expect(isTransient(new other.NotFoundError(init(404)))).toBe(false)
  expect(isTransient(new other.AuthenticationError(init(401)))).toBe(false)
})

it('waitForDecision keeps waiting through connection failures of a client from another copy', async () => {
  const apiKey = server.mock.store.defaults.apiKey
  const agent = server.mock.store.createAgent({ name: 'Gated', config: { approval_required: true } })
  const execution = server.mock.store.execute(agent.id, { message: 'Refund order 1234' })
  const approvalId = server.mock.store.listApprovals({ execution_id: execution.id })[0]?.id ?? ''
  await new client.Signoff({ apiKey, baseUrl: server.url }).approvals.decide({ approval_id: approvalId, decision: 'approved' })

  // The first two polls meet a refused connection.
  let refusals = 2
  const flaky: typeof fetch = (input, init) => (refusals-- > 0 ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init))
  const foreign = new other.Signoff({ apiKey, baseUrl: server.url, maxRetries: 0, fetch: flaky })
  const retried: unknown[] = []
  const options = { interval: 5, maxInterval: 20, onRetry: (error: unknown) => retried.push(error) }
  // The cast stands for a type check that two copies' #private fields would fail.
  const approval = await waitForDecision(foreign as unknown as client.Signoff, { approval_id: approvalId }, options)

  expect(approval).toMatchObject({ id: approvalId, status: 'approved' })
  expect(retried).toHaveLength(2)
  for (const error of retried) {
    expect(other.isConnectionError(error)).toBe(true)
    expect(error).not.toBeInstanceOf(client.ConnectionError)
  }
})
