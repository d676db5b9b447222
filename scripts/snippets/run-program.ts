// Runs a program block against a fresh mock over real HTTP, configured the way the docs tell a
// reader to point their code at `signoff mock`: PROMPTRAILS_BASE_URL and PROMPTRAILS_API_KEY,
// and AGENT_ID for the agent to use.
import { execFile } from 'node:child_process'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'

const run = promisify(execFile)
const TIMEOUT_MS = 60_000

/** What a failed run printed, or undefined when it exited 0. */
export type ProgramFailure = string | undefined

interface MockServerModule {
  startMockServer(): Promise<{
    url: string
    close(): Promise<void>
    mock: { store: { defaults: { apiKey: string }; createAgent(options: { name: string }): { id: string } } }
  }>
}

/** The built `@signoff/mock/node`, as the folder of snippets resolves it. */
async function loadMock(folder: string): Promise<MockServerModule> {
  const entry = createRequire(join(folder, 'package.json')).resolve('@signoff/mock/node')
  return (await import(pathToFileURL(entry).href)) as MockServerModule
}

/** Runs `file` with Node (types stripped) in `folder`; a run longer than a minute fails. */
export async function runProgram(folder: string, file: string): Promise<ProgramFailure> {
  const { startMockServer } = await loadMock(folder)
  const server = await startMockServer()
  try {
    const agent = server.mock.store.createAgent({ name: 'Support replies' })
    const env: NodeJS.ProcessEnv = { ...process.env, PROMPTRAILS_BASE_URL: server.url, PROMPTRAILS_API_KEY: server.mock.store.defaults.apiKey, AGENT_ID: agent.id }
    delete env['PROMPTRAILS_WORKSPACE_ID']
    delete env['PROMPTRAILS_WEBHOOK_SECRET']
    await run(process.execPath, [file], { cwd: folder, env, timeout: TIMEOUT_MS, encoding: 'utf8' })
    return undefined
  } catch (error) {
    const { stdout = '', stderr = '', killed = false } = error as { stdout?: string; stderr?: string; killed?: boolean }
    const output = `${stdout}${stderr}`.trim()
    return killed ? `still running after ${TIMEOUT_MS / 1000} s (a program must exit)\n${output}` : output || String(error)
  } finally {
    await server.close()
  }
}
