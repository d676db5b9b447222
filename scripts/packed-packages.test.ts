// Packs every package as it would be published and checks what an npm user would receive:
// the licence (pnpm packs the repository's LICENSE into a package that has none of its own),
// links that work outside this repository, and a dependency graph that installs
// one copy of @signoff/client.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const PACKAGES = readdirSync(join(ROOT, 'packages'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
const LICENSE = readFileSync(join(ROOT, 'LICENSE'), 'utf8')
const work = mkdtempSync(join(tmpdir(), 'signoff-pack-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

interface Manifest {
  name: string
  bin?: Record<string, string>
  engines?: Record<string, string>
  dependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
}

interface Packed {
  files: string[]
  manifest: Manifest
  read(path: string): string
}

// pnpm itself, whichever way it was started (`pnpm exec vitest`, `pnpm test`), else the pinned one.
function pnpm(args: string[], cwd: string): string {
  const launcher = process.env['npm_execpath']
  if (launcher !== undefined && basename(launcher).startsWith('pnpm')) {
    // A script (pnpm.cjs) runs on Node; a standalone pnpm is its own executable.
    const [file, prefix] = /\.[cm]?js$/.test(launcher) ? [process.execPath, [launcher]] : [launcher, []]
    return execFileSync(file, [...prefix, ...args], { cwd, encoding: 'utf8' })
  }
  return execFileSync('npx', ['-y', 'pnpm@12.21.0', ...args], { cwd, encoding: 'utf8' })
}

/** `pnpm pack` of one package (its built dist/ must exist), unpacked into a fresh folder. */
function pack(name: string): Packed {
  const destination = join(work, name)
  const report = JSON.parse(pnpm(['pack', '--json', '--pack-destination', destination], join(ROOT, 'packages', name))) as { filename: string }
  execFileSync('tar', ['-xzf', report.filename, '-C', destination])
  const unpacked = join(destination, 'package')
  const read = (path: string) => readFileSync(join(unpacked, path), 'utf8')
  const files = execFileSync('tar', ['-tzf', report.filename], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.replace(/^package\//, ''))
  return { files, manifest: JSON.parse(read('package.json')) as Manifest, read }
}

describe.each(PACKAGES)('the packed %s package', (name) => {
  let packed: Packed
  let manifest: Manifest
  beforeAll(() => {
    packed = pack(name)
    manifest = packed.manifest
  })
  const specifiers = () => [manifest.dependencies, manifest.peerDependencies, manifest.optionalDependencies]

  it('carries the MIT licence of the repository and a README', () => {
    expect(packed.files).toContain('LICENSE')
    expect(packed.read('LICENSE')).toBe(LICENSE)
    expect(LICENSE).toMatch(/^MIT License\n\nCopyright \(c\) 2026 Signoff contributors\n/)
    expect(packed.files).toContain('README.md')
  })

  it('links its README only to absolute addresses or anchors, which work on npm too', () => {
    const targets = [...packed.read('README.md').matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1] ?? '')
    expect(targets.filter((target) => !/^(https:\/\/|#)/.test(target))).toEqual([])
  })

  it('states the Node versions it runs on', () => {
    expect(manifest.engines?.['node']).toMatch(/^>=\d+/)
  })

  it('names no workspace: specifier (pnpm replaces every one when packing)', () => {
    for (const specs of specifiers()) {
      for (const spec of Object.values(specs ?? {})) expect(spec).not.toMatch(/^workspace:/)
    }
  })

  // A library takes the client from its user: as a peer, npm installs one copy of it, so one
  // `Signoff` type and one set of error classes. A bin builds its own client: a dependency.
  it('holds @signoff/client as its role needs: a peer in a library, a dependency in a bin', () => {
    const uses = specifiers().some((specs) => specs?.['@signoff/client'] !== undefined)
    if (!uses) return expect(name === 'client' || name === 'schemas' || name === 'mock').toBe(true)
    if (manifest.bin !== undefined) return expect(manifest.dependencies?.['@signoff/client']).toMatch(/^\^\d+\.\d+\.\d+$/)
    expect(manifest.dependencies?.['@signoff/client']).toBeUndefined()
    expect(manifest.peerDependencies?.['@signoff/client']).toMatch(/^\^\d+\.\d+\.\d+$/)
  })
})
