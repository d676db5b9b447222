// The mock's real HTTP server with a key only the tests know, and the built bin configured for it.
import { Signoff } from '@signoff/client'
import { startMockServer, type MockServer } from '@signoff/mock/node'
import { afterAll, afterEach, beforeAll, expect } from 'vitest'
import { assertCliBuilt, killLeftovers, runCli, type CliResult } from './cli-process.js'

/** A key only these tests know: no run may ever print it, whatever happens. */
export const KEY = 'pr_key_cli_test_k3y_that_must_never_print'

/** What a test file gets: the server, a client, a gated agent, and the CLI pointed at them. */
export interface CliFixture {
  readonly server: MockServer
  readonly client: Signoff
  readonly agentId: string
  /** Moves the mock's clock forward (approvals expire by it). */
  advanceClock(ms: number): void
  /** Puts a run at the checkpoint and returns its approval's id. */
  pendingApproval(message?: string): Promise<string>
  /** The environment that points the CLI at the mock. */
  env(): Record<string, string>
  /** Runs the CLI configured for the mock, and checks the key stayed out of everything it printed. */
  signoff(args: string[], extraEnv?: Record<string, string>): Promise<CliResult>
}

/** Starts the mock for a test file and stops it, and every CLI left running, afterwards. */
export function useCliFixture(): CliFixture {
  let clockOffset = 0
  let started: { server: MockServer; client: Signoff; agentId: string } | undefined
  const get = () => {
    if (started === undefined) throw new Error('the mock starts in beforeAll: use the fixture inside tests')
    return started
  }
  const fixture: CliFixture = {
    get server() {
      return get().server
    },
    get client() {
      return get().client
    },
    get agentId() {
      return get().agentId
    },
    advanceClock: (ms) => void (clockOffset += ms),
    async pendingApproval(message = 'Where is my order?') {
      const execution = await fixture.client.agents.execute({ agent_id: fixture.agentId, input: { message } })
      return (await fixture.client.executions.pending_approval(execution.id)).id
    },
    env: () => ({ PROMPTRAILS_API_KEY: KEY, PROMPTRAILS_BASE_URL: fixture.server.url }),
    async signoff(args, extraEnv = {}) {
      const result = await runCli(args, { ...fixture.env(), ...extraEnv })
      expect(result.stdout + result.stderr).not.toContain(KEY)
      return result
    },
  }

  beforeAll(async () => {
    assertCliBuilt()
    const server = await startMockServer({ clock: () => new Date(Date.now() + clockOffset) })
    server.mock.store.createApiKey({ key: KEY })
    const client = new Signoff({ apiKey: KEY, baseUrl: server.url, maxRetries: 0 })
    const config = { approval_required: true, checkpoint_name: 'review', approval_expires_in_seconds: 3600 }
    started = { server, client, agentId: server.mock.store.createAgent({ name: 'CLI test agent', config }).id }
  })
  afterEach(killLeftovers)
  afterAll(() => started?.server.close())
  return fixture
}

/** The non-empty lines of a text. */
export const lines = (text: string) => text.split('\n').filter((line) => line !== '')
