import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// Which packages each entry point imports, read from esbuild's metafile of the sources (every
// package left external, so only the mock's own modules are followed).
async function packagesImportedBy(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL(`../src/${entry}.ts`, import.meta.url))],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
  })
  const imports = Object.values(result.metafile.outputs).flatMap((output) => output.imports.filter((item) => item.external).map((item) => item.path))
  return [...new Set(imports.map((path) => path.split('/').slice(0, path.startsWith('@') ? 2 : 1).join('/')))].sort()
}

describe('entry points', () => {
  it('@signoff/mock/node serves HTTP without loading msw', async () => {
    const imported = await packagesImportedBy('node')
    expect(imported).toContain('@hono/node-server')
    expect(imported).not.toContain('msw')
  })

  it('@signoff/mock and @signoff/mock/msw load msw, for their handlers', async () => {
    expect(await packagesImportedBy('index')).toContain('msw')
    expect(await packagesImportedBy('msw')).toContain('msw')
  })
})
