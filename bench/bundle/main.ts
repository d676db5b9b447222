// What the client adds to a browser bundle: each app bundled (esbuild, browser, minified) and
// gzipped, against the same calls written with plain fetch; and the zod flavour choice.
// Prints sizes and ratios; asserts nothing. Run after `pnpm run build` (it bundles dist/).
import { format, printTable } from '../lib/measure.ts'
import { CLIENT_APPS, ZOD_APPS, bundle, type App, type Bundle } from './build.ts'

const kb = (bytes: number) => `${format(bytes / 1024)} KB`

async function table(apps: readonly App[], baselineName: string): Promise<void> {
  const sizes = new Map<string, Bundle>()
  for (const app of apps) sizes.set(app.name, await bundle(app.name))
  const baseline = sizes.get(baselineName)
  if (baseline === undefined) throw new Error(`no baseline ${baselineName}`)
  const rows = apps.map((app) => {
    const size = sizes.get(app.name) ?? baseline
    return [
      app.label,
      kb(size.raw),
      kb(size.gzipped),
      `${format(size.raw / baseline.raw, 1)}×`,
      `${format(size.gzipped / baseline.gzipped, 1)}×`,
    ]
  })
  printTable(['app', 'minified', 'gzip -9', 'ratio (min)', 'ratio (gzip)'], rows)
}

console.log('bench/bundle: esbuild (platform browser, minified, ESM) of the built packages, then gzip -9\n')
await table(CLIENT_APPS, 'plain-fetch')
console.log('\nThe approval list schema alone, with each zod front-end:\n')
await table(ZOD_APPS, 'zod-mini')
console.log('\nRatios are against the baseline row of each table, measured in this same run. KB = 1024 bytes.')
