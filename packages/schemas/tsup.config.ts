import { defineConfig } from 'tsup'

export default defineConfig({
  // One ESM module per source file (index.js re-exports them), so that with
  // `sideEffects: false` a bundler drops every schema module an app does not use: zod/mini
  // schemas are built by top-level calls, which a bundler cannot prove pure inside one file.
  entry: ['src/*.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  treeshake: true,
  splitting: true,
  target: 'es2023',
})
