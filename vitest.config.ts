import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const source = (pkg: string, entry = 'index') =>
  fileURLToPath(new URL(`./packages/${pkg}/src/${entry}.ts`, import.meta.url))

// Tests run against the TypeScript sources, so a change is tested without a rebuild;
// the built packages are checked separately (publint, attw, the examples).
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@signoff\/schemas$/, replacement: source('schemas') },
      { find: /^@signoff\/client$/, replacement: source('client') },
      { find: /^@signoff\/mock\/node$/, replacement: source('mock', 'node') },
      { find: /^@signoff\/mock$/, replacement: source('mock') },
      { find: /^@signoff\/node$/, replacement: source('node') },
    ],
  },
  test: {
    include: ['packages/*/{src,test}/**/*.test.ts', 'examples/*/test/**/*.test.ts', 'bench/**/*.test.ts'],
    testTimeout: 20_000,
    // The JSON report lets .ci/run print a plain "N passed, N failed" closing line.
    reporters: ['default', ['json', { outputFile: 'node_modules/.cache/vitest-report.json' }]],
  },
})
