import { describe, expect, it } from 'vitest'
import { extractSnippets } from './extract.ts'

const fence = '```'

describe('extractSnippets', () => {
  it('finds each ts block with its fence line, and reads the marker before it', () => {
    const markdown = [
      '# Title', //                                   1
      '', //                                          2
      '<!-- snippet: program -->', //                 3
      '', //                                          4
      `${fence}ts`, //                                5
      "console.log('a')", //                          6
      fence, //                                       7
      'Some prose.', //                               8
      `${fence}typescript`, //                        9
      'const b = 1', //                               10
      fence, //                                       11
    ].join('\n')
    expect(extractSnippets('docs/x.md', markdown)).toEqual({
      snippets: [
        { file: 'docs/x.md', line: 5, index: 1, kind: 'program', code: "console.log('a')" },
        { file: 'docs/x.md', line: 9, index: 2, kind: 'fragment', code: 'const b = 1' },
      ],
      problems: [],
    })
  })

  it('drops a marker that prose separates from the block', () => {
    const markdown = ['<!-- snippet: program -->', 'A paragraph.', `${fence}ts`, 'x()', fence].join('\n')
    expect(extractSnippets('README.md', markdown).snippets.map((snippet) => snippet.kind)).toEqual(['fragment'])
  })

  it('skips blocks of other languages, even when they contain a ts fence', () => {
    const markdown = [`${fence}md`, `${fence}ts`, 'not code', fence, `${fence}sh`, 'npm test', fence].join('\n')
    expect(extractSnippets('README.md', markdown).snippets).toEqual([])
  })

  it('strips the indentation of a block inside a list', () => {
    const markdown = ['- step:', `  ${fence}ts`, '  if (ok) {', '    run()', '  }', `  ${fence}`].join('\n')
    expect(extractSnippets('README.md', markdown).snippets[0]?.code).toBe('if (ok) {\n  run()\n}')
  })

  it('reports an unknown kind with its line, and still checks the block as a fragment', () => {
    const markdown = ['', '<!-- snippet: programme -->', `${fence}ts`, 'x()', fence].join('\n')
    const { snippets, problems } = extractSnippets('docs/y.md', markdown)
    expect(snippets.map((snippet) => snippet.kind)).toEqual(['fragment'])
    expect(problems).toEqual([expect.stringMatching(/^docs\/y\.md:2: unknown snippet kind "programme"/)])
  })

  it('reports a block that is never closed', () => {
    const { snippets, problems } = extractSnippets('docs/z.md', ['text', `${fence}ts`, 'x()'].join('\n'))
    expect(snippets).toEqual([])
    expect(problems).toEqual(['docs/z.md:2: this ```ts block is never closed'])
  })
})
