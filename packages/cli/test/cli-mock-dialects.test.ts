// `signoff mock --dialect` and `--error-bodies` choose how the mock answers; its start-up lines
// name the OpenAPI document it serves.
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { assertCliBuilt, killLeftovers, runCli, serveCli } from './cli-process.js'

const DEMO_KEY = 'pr_key_signoff_mock_demo'

beforeAll(assertCliBuilt)
afterEach(killLeftovers)

const get = async (url: string, path: string) => {
  const response = await fetch(`${url}${path}`, { headers: { 'x-api-key': DEMO_KEY } })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

describe('signoff mock --dialect', () => {
  it.each([
    [['--dialect', 'standard'], 'total_pages', 400],
    [['--dialect', 'emulator'], 'total_pages', 200],
    [['--dialect', 'newer'], 'pages', 400],
    [['--quirks', 'emulator'], 'total_pages', 200],
    [[], 'total_pages', 400],
  ])('%j answers in that dialect and says which', async (flags, pagesKey, overLimitStatus) => {
    const { cli, url } = await serveCli(['mock', '--port', '0', ...flags])
    const dialect = flags[1] ?? 'standard'
    await cli.line(new RegExp(`^dialect +${dialect}$`))
    expect(Object.keys((await get(url, '/api/v1/approvals')).body['meta'] as object)).toContain(pagesKey)
    // A limit over 100: a 400 in the strict dialects, reset to 20 by the emulator.
    expect((await get(url, '/api/v1/approvals?limit=101')).status).toBe(overLimitStatus)
    expect((await cli.stop()).code).toBe(0)
  })

  it.each([
    ['short', { error: 'approval not found' }],
    ['bare', { message: 'approval not found' }],
  ])('--error-bodies %s sends every error in that shape', async (shape, body) => {
    const { cli, url } = await serveCli(['mock', '--port', '0', '--error-bodies', shape])
    await cli.line(new RegExp(`^dialect +standard, error bodies ${shape}$`))
    expect(await get(url, '/api/v1/approvals/2Nz3qkGXBtBLqYuwKyWqu9BFWaE')).toEqual({ status: 404, body })
    expect((await cli.stop()).code).toBe(0)
  })

  it('refuses a dialect or an error-body shape it does not know, and two dialects at once (exit 2)', async () => {
    const cases: [string[], RegExp][] = [
      [['--dialect', 'legacy'], /^signoff: --dialect must be standard, emulator or newer \(see signoff mock --help\)\n$/],
      [['--quirks', 'legacy'], /^signoff: --quirks must be standard, emulator or newer \(see signoff mock --help\)\n$/],
      [['--dialect', 'newer', '--quirks', 'emulator'], /^signoff: --quirks is the former name of --dialect; give one of them/],
      [['--error-bodies', 'long'], /^signoff: --error-bodies must be short or bare/],
    ]
    for (const [flags, message] of cases) {
      const result = await runCli(['mock', '--port', '0', ...flags])
      expect({ code: result.code, stdout: result.stdout }).toEqual({ code: 2, stdout: '' })
      expect(result.stderr).toMatch(message)
    }
  })
})

describe('signoff mock start-up lines', () => {
  it('name the OpenAPI document the mock serves, at <url>/openapi.json', async () => {
    const { cli, url } = await serveCli(['mock', '--port', '0'])
    const line = await cli.line(/^openapi +\S+$/)
    const address = line.split(/ +/)[1] ?? ''
    expect(address).toBe(`${url}/openapi.json`)
    const document = (await (await fetch(address)).json()) as { openapi: string; servers: { url: string }[] }
    expect(document.openapi).toMatch(/^3\.1\./)
    expect(document.servers.map((server) => server.url)).toContain(`${url}/api/v1`)
    expect((await cli.stop()).code).toBe(0)
  })
})
