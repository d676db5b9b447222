import { builtinModules } from 'node:module'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'

const entry = fileURLToPath(new URL('../../src/index.ts', import.meta.url))
const schemasEntry = fileURLToPath(new URL('../../../schemas/src/index.ts', import.meta.url))
const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)])

describe('the client in a browser bundle', () => {
  it('bundles for the browser platform with no Node built-in and no Node global', async () => {
    const result = await build({
      stdin: { contents: `export * from ${JSON.stringify(entry)}`, resolveDir: process.cwd(), loader: 'ts' },
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
      alias: { '@signoff/schemas': schemasEntry },
    })
    const imported = Object.values(result.metafile.inputs).flatMap((input) => input.imports.map((item) => item.path))
    expect(imported.filter((path) => builtins.has(path))).toEqual([])
    const code = result.outputFiles[0]?.text ?? ''
    expect(code).not.toMatch(/\bprocess\.(env|versions|nextTick)\b|\bBuffer\.from\b|require\(["']node:/)
    expect(code).toMatch(/export \{[^}]*\bSignoff\b/)
  })
})
