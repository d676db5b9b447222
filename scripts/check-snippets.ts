/**
 * Checks that the code in the docs works as written: every ```ts block of README.md and
 * docs/*.md is type-checked against the built @signoff/* packages, and every block marked
 * `<!-- snippet: program -->` also runs against the mock over HTTP (see snippets/extract.ts).
 * Run it after the build: `npx -y pnpm@12.21.0 exec node scripts/check-snippets.ts [file.md …]`.
 *
 * Each failure names the Markdown file, the block and the line; the extracted files stay in a
 * temporary folder (printed) to look into.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { extractSnippets, type Snippet } from './snippets/extract.ts'
import { runProgram } from './snippets/run-program.ts'
import { typeCheck, type Diagnostic } from './snippets/type-check.ts'
import { createSnippetFolder } from './snippets/workspace.ts'

const repo = fileURLToPath(new URL('..', import.meta.url))

function markdownFiles(): string[] {
  const requested = process.argv.slice(2)
  if (requested.length > 0) return requested.map((file) => relative(repo, join(process.cwd(), file)))
  const docs = readdirSync(join(repo, 'docs')).filter((name) => name.endsWith('.md')).sort()
  return ['README.md', ...docs.map((name) => `docs/${name}`)]
}

/** A name for the extracted file that says where the block came from: `docs__waiting.md-L15.ts`. */
const fileName = (snippet: Snippet) => `${snippet.file.replaceAll('/', '__')}-L${snippet.line}.ts`
const label = (snippet: Snippet) => `${snippet.file}:${snippet.line} (block ${snippet.index}, ${snippet.kind})`

if (!existsSync(join(repo, 'packages/client/dist'))) {
  console.error('check-snippets: the packages are not built: run `npx -y pnpm@12.21.0 run build` first')
  process.exit(1)
}

const extracted = markdownFiles().map((file) => extractSnippets(file, readFileSync(join(repo, file), 'utf8')))
const snippets = extracted.flatMap(({ snippets }) => snippets)
const markerProblems = extracted.flatMap(({ problems }) => problems)
if (snippets.length === 0) markerProblems.push('no ```ts block found in README.md or docs/*.md: is the fence written ```ts?')
const folder = createSnippetFolder(repo, readFileSync(join(repo, 'scripts/snippets/preamble.d.ts'), 'utf8'))
const byName = new Map<string, Snippet>()
for (const snippet of snippets) {
  byName.set(fileName(snippet), snippet)
  // `export {}` makes every block a module: its names never clash with another block's or the
  // preamble's, and top-level await works.
  const project = snippet.kind === 'program' ? folder.programs : folder.fragments
  writeFileSync(join(project, fileName(snippet)), `${snippet.code}\n\nexport {}\n`)
}

const failures = new Map<Snippet | undefined, string[]>()
const fail = (snippet: Snippet | undefined, text: string) => failures.set(snippet, [...(failures.get(snippet) ?? []), text])
const typeErrors: Diagnostic[] = [...typeCheck(folder.programs, byName), ...typeCheck(folder.fragments, byName)]
for (const { snippet, text } of typeErrors) fail(snippet, text)
for (const problem of markerProblems) fail(undefined, problem)

const programs = snippets.filter((snippet) => snippet.kind === 'program')
for (const program of programs) {
  const path = join(folder.programs, fileName(program))
  const output = await runProgram(folder.root, path)
  if (output === undefined) continue
  // Stack traces point into the extracted file: point them at the Markdown instead.
  const located = output.replaceAll(new RegExp(`(?:file://)?${path.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(\\d+)`, 'g'), (_, row: string) => `${program.file}:${program.line + Number(row)}`)
  fail(program, `it failed when run against the mock:\n${located.replaceAll(/^/gm, '    ')}`)
}

const files = new Set(snippets.map((snippet) => snippet.file)).size
if (failures.size === 0) {
  rmSync(folder.root, { recursive: true, force: true })
  console.log(`✓ ${snippets.length} snippets in ${files} files type-check, and ${programs.length} program${programs.length === 1 ? '' : 's'} ran against the mock`)
} else {
  const ordered = [...failures].sort(([a], [b]) => (a === undefined ? -1 : b === undefined ? 1 : snippets.indexOf(a) - snippets.indexOf(b)))
  for (const [snippet, texts] of ordered) {
    console.error(`✗ ${snippet === undefined ? 'the Markdown' : label(snippet)}`)
    for (const text of texts) console.error(`  ${text}`)
  }
  const failed = [...failures.keys()].filter((snippet) => snippet !== undefined).length
  console.error(`\n✗ ${failed} of ${snippets.length} snippets failed${markerProblems.length > 0 ? `, and ${markerProblems.length} markers are wrong` : ''} (the extracted files are in ${folder.root})`)
  console.error('  Mark a complete program with <!-- snippet: program --> before its block; a fragment may use the names in scripts/snippets/preamble.d.ts.')
  process.exitCode = 1
}
