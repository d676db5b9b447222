import { defineConfig } from 'tsup'

const shared = { format: ['esm'], sourcemap: true, treeshake: true, target: 'es2023' } as const

export default defineConfig([
  // The library. Both builds share dist/ and run at once, so this one must not clean away the CLI.
  { ...shared, entry: ['src/index.ts'], dts: true, clean: ['!cli.js', '!cli.js.map'] },
  // The `signoff` bin. @signoff/mock is an optional companion, loaded only by `signoff mock`.
  {
    ...shared,
    entry: { cli: 'src/cli/main.ts' },
    banner: { js: '#!/usr/bin/env node' },
    external: ['@signoff/mock'],
  },
])
