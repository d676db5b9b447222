// Type-checks a folder of extracted blocks with the workspace's tsc, and reads its diagnostics
// back onto the Markdown lines they came from.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { basename } from 'node:path'
import type { Snippet } from './extract.ts'

/** A problem tsc found, placed in the Markdown file: `docs/waiting.md:22:3 error TS2304: …`. */
export interface Diagnostic {
  snippet: Snippet | undefined
  text: string
}

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
const LOCATED = /^(.+?)\((\d+),(\d+)\): (.*)$/

/**
 * Runs `tsc -p folder`. `files` maps each extracted file's name to its block; a diagnostic in
 * line L of a block is reported at the block's fence line + L of the Markdown file.
 */
export function typeCheck(folder: string, files: ReadonlyMap<string, Snippet>): Diagnostic[] {
  if (!readdirSync(folder).some((name) => files.has(name))) return []
  const result = spawnSync(process.execPath, [tsc, '-p', folder, '--pretty', 'false'], { encoding: 'utf8' })
  if (result.status === 0) return []
  const diagnostics: Diagnostic[] = []
  for (const line of `${result.stdout}${result.stderr}`.split('\n')) {
    if (line.trim() === '') continue
    const located = LOCATED.exec(line)
    if (located === null) {
      // A continuation of the previous message (tsc indents them), or a message of its own.
      const previous = diagnostics.at(-1)
      if (previous !== undefined && /^\s/.test(line)) previous.text += `\n${line}`
      else diagnostics.push({ snippet: undefined, text: line })
      continue
    }
    const [, path = '', row = '0', column = '0', message = ''] = located
    const snippet = files.get(basename(path))
    const where = snippet === undefined ? `${path}:${row}:${column}` : `${snippet.file}:${snippet.line + Number(row)}:${column}`
    diagnostics.push({ snippet, text: `${where} ${message}` })
  }
  return diagnostics
}
