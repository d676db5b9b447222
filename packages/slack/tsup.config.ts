import { defineConfig } from 'tsup'

export default defineConfig({
  entry: ['src/index.ts', 'src/redis.ts', 'src/testing.ts'],
  format: ['esm'],
  dts: true,
  sourcemap: true,
  treeshake: true,
  clean: true,
  target: 'es2023',
})
