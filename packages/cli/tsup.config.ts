import { defineConfig } from 'tsup'

// The `signoff` bin, one file. Our packages stay external: they are dependencies, installed beside it.
export default defineConfig({
  entry: { cli: 'src/main.ts' },
  format: ['esm'],
  sourcemap: true,
  clean: true,
  treeshake: true,
  target: 'es2023',
  banner: { js: '#!/usr/bin/env node' },
})
