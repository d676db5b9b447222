// A throwaway folder where the blocks compile and run the way a user's project would: the
// `@signoff/*` packages are the built ones (their `exports` maps, `dist` and `.d.ts`), and every
// other import resolves to what the workspace installed.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** The folder's layout: one TypeScript project of programs, one of fragments. */
export interface SnippetFolder {
  root: string
  programs: string
  fragments: string
}

/** Each workspace package under `packages/`, by name: `@signoff/client` → its folder. */
function workspacePackages(repo: string): Map<string, string> {
  const found = new Map<string, string>()
  for (const entry of readdirSync(join(repo, 'packages'))) {
    const manifest = join(repo, 'packages', entry, 'package.json')
    if (!existsSync(manifest)) continue
    const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }
    if (name !== undefined) found.set(name, join(repo, 'packages', entry))
  }
  return found
}

/** Links `name` (a package or a whole `@scope`) to `target` unless something has that name already. */
function link(modules: string, name: string, target: string): void {
  const path = join(modules, name)
  if (existsSync(path)) return
  mkdirSync(join(path, '..'), { recursive: true })
  symlinkSync(target, path, 'dir')
}

/**
 * Creates the folder (under the system's temporary directory; Node does not strip types from
 * files under node_modules, so it cannot live in the repository's).
 */
export function createSnippetFolder(repo: string, preamble: string): SnippetFolder {
  const root = mkdtempSync(join(tmpdir(), 'signoff-snippets-'))
  const modules = join(root, 'node_modules')
  mkdirSync(modules)
  for (const [name, folder] of workspacePackages(repo)) link(modules, name, folder)
  // Then what the root and each package installed: msw, hono, @types/node and the like.
  const installed = [join(repo, 'node_modules'), ...[...workspacePackages(repo).values()].map((folder) => join(folder, 'node_modules'))]
  for (const folder of installed.filter((candidate) => existsSync(candidate))) {
    for (const entry of readdirSync(folder)) {
      if (entry.startsWith('.')) continue
      if (!entry.startsWith('@')) link(modules, entry, join(folder, entry))
      else for (const scoped of readdirSync(join(folder, entry))) link(modules, `${entry}/${scoped}`, join(folder, entry, scoped))
    }
  }

  writeFileSync(join(root, 'package.json'), `${JSON.stringify({ name: 'snippets', private: true, type: 'module' }, null, 2)}\n`)
  const compilerOptions = {
    target: 'ES2023',
    lib: ['ES2023', 'DOM', 'DOM.Iterable'],
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    types: ['node'],
    // The strictest settings a user may have: a block that compiles here compiles for them.
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    verbatimModuleSyntax: true,
    erasableSyntaxOnly: true,
    skipLibCheck: true,
    noEmit: true,
  }
  const programs = join(root, 'programs')
  const fragments = join(root, 'fragments')
  for (const folder of [programs, fragments]) {
    mkdirSync(folder)
    writeFileSync(join(folder, 'tsconfig.json'), `${JSON.stringify({ compilerOptions, include: ['*.ts'] }, null, 2)}\n`)
  }
  writeFileSync(join(fragments, 'preamble.d.ts'), preamble)
  return { root, programs, fragments }
}
