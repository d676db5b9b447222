import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const script = fileURLToPath(new URL('./ensure-chromium.ts', import.meta.url))

function run(chromiumPath: string) {
  const env = { ...process.env, CHROMIUM_PATH: chromiumPath }
  return spawnSync(process.execPath, [script], { env, encoding: 'utf8' })
}

describe('scripts/ensure-chromium.ts', () => {
  it('passes quietly when CHROMIUM_PATH is a runnable file', () => {
    const result = run(process.execPath)
    expect(result.status).toBe(0)
    expect(result.stdout).toBe('')
  })

  it('fails, saying how to get Chromium, when CHROMIUM_PATH points at nothing', () => {
    const result = run('/nonexistent/chromium')
    expect(result.status).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain('Browser tests need Chromium: CHROMIUM_PATH is /nonexistent/chromium')
    expect(result.stderr).toContain('sudo apt-get install chromium')
    expect(result.stderr).toContain('set CHROMIUM_PATH')
  })
})
