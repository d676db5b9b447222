// The TypeScript blocks of a Markdown file, and what each one is. A block is a fragment unless
// the line before it (blank lines aside) marks it as a program:
//
//   <!-- snippet: program -->      a complete program: type-checked, then run against the mock
//   <!-- snippet: fragment -->     (the default) type-checked, with the names of preamble.d.ts
//                                  declared for it

/** How a block is checked. */
export type SnippetKind = 'program' | 'fragment'

/** One fenced TypeScript block. */
export interface Snippet {
  /** The Markdown file, relative to the repository root, such as `docs/waiting.md`. */
  file: string
  /** The 1-based line of the opening fence: the block's first line of code is `line + 1`. */
  line: number
  /** The block's position among the TypeScript blocks of its file, from 1. */
  index: number
  kind: SnippetKind
  code: string
}

const OPENING = /^( {0,3})(`{3,})\s*(ts|typescript)\s*$/
const MARKER = /^\s*<!--\s*snippet:\s*(\S+)\s*-->\s*$/
const KINDS: readonly string[] = ['program', 'fragment']

/** The blocks of one file, and what is wrong with its markers (`docs/x.md:12: …`). */
export interface Extracted {
  snippets: Snippet[]
  problems: string[]
}

/**
 * Finds the TypeScript blocks of `markdown`. A marker naming an unknown kind, or a block left
 * open, is a problem with its file and line, so a typo never turns a program into a fragment
 * unnoticed (the block is still checked, as a fragment).
 */
export function extractSnippets(file: string, markdown: string): Extracted {
  const lines = markdown.split(/\r?\n/)
  const snippets: Snippet[] = []
  const problems: string[] = []
  let marker: { kind: string; line: number } | undefined
  let fence: string | undefined // inside a block of another language, until this closes it
  for (let at = 0; at < lines.length; at++) {
    const text = lines[at] ?? ''
    if (fence !== undefined) {
      if (text.trim() === fence) fence = undefined
      continue
    }
    const opening = OPENING.exec(text)
    if (opening !== null) {
      const [, indent = '', ticks = '```'] = opening
      const end = lines.findIndex((candidate, index) => index > at && candidate.trim() === ticks)
      if (end === -1) {
        problems.push(`${file}:${at + 1}: this \`\`\`ts block is never closed`)
        break
      }
      let kind = marker?.kind ?? 'fragment'
      if (!KINDS.includes(kind)) {
        problems.push(`${file}:${marker?.line ?? at}: unknown snippet kind "${kind}": write <!-- snippet: program --> or <!-- snippet: fragment -->`)
        kind = 'fragment'
      }
      const code = lines.slice(at + 1, end).map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line))
      snippets.push({ file, line: at + 1, index: snippets.length + 1, kind: kind as SnippetKind, code: code.join('\n') })
      marker = undefined
      at = end
      continue
    }
    const other = /^ {0,3}(`{3,}|~{3,})/.exec(text)
    if (other !== null) {
      fence = other[1]
      marker = undefined
      continue
    }
    const marked = MARKER.exec(text)
    if (marked !== null) marker = { kind: marked[1] ?? '', line: at + 1 }
    else if (text.trim() !== '') marker = undefined
  }
  return { snippets, problems }
}
