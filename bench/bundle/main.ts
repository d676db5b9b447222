// What the client adds to a browser bundle: each app bundled (esbuild, browser, minified) and
// gzipped, as a ratio against a floor bundled in the same run (the same calls over ky and
// zod/mini by hand; the same schemas inline), with the bytes of each package from esbuild's
// metafile; and the zod front-end choice. Prints; asserts nothing. Bundles packages/*/dist.
import { format, printTable } from '../lib/measure.ts'
import {
  CLIENT_APPS,
  CLIENT_FLOOR,
  PACKAGES,
  SCHEMA_APPS,
  SCHEMA_FLOOR,
  ZOD_APPS,
  bundle,
  bytesByPackage,
  type App,
  type Bundle,
} from './build.ts'

const kb = (bytes: number) => `${format(bytes / 1024)} KB`

async function bundleAll(apps: readonly App[]): Promise<Map<string, Bundle>> {
  const sizes = new Map<string, Bundle>()
  for (const app of apps) sizes.set(app.name, await bundle(app.name))
  return sizes
}

function sizeTable(apps: readonly App[], sizes: Map<string, Bundle>, floorName: string): void {
  const floor = sizes.get(floorName)
  if (floor === undefined) throw new Error(`no floor ${floorName}`)
  const rows = apps.map((app) => {
    const size = sizes.get(app.name) ?? floor
    return [
      app.label,
      kb(size.raw),
      kb(size.gzipped),
      `${format(size.raw / floor.raw, 2)}×`,
      `${format(size.gzipped / floor.gzipped, 2)}×`,
    ]
  })
  printTable(['app', 'minified', 'gzip -9', 'to floor (min)', 'to floor (gzip)'], rows)
}

// Minified bytes per package, from the metafile; the gzip column shares the bundle's gzipped
// size out in proportion to them (gzip works on the whole file, so this is an estimate).
function attributionTable(apps: readonly App[], sizes: Map<string, Bundle>): void {
  const rows = apps.map((app) => {
    const size = sizes.get(app.name)
    if (size === undefined) throw new Error(`${app.name} was not bundled`)
    const byPackage = bytesByPackage(size)
    const total = [...byPackage.values()].reduce((sum, bytes) => sum + bytes, 0)
    return [
      app.name,
      ...PACKAGES.map((name) => {
        const bytes = byPackage.get(name) ?? 0
        return bytes === 0 ? '-' : `${kb(bytes)} (≈${kb((size.gzipped * bytes) / total)})`
      }),
    ]
  })
  printTable(['app', ...PACKAGES.map((name) => `${name}, min (≈gzip)`)], rows)
}

console.log('bench/bundle: esbuild (platform browser, minified, ESM) of the built packages, then gzip -9\n')
const clientSizes = await bundleAll(CLIENT_APPS)
sizeTable(CLIENT_APPS, clientSizes, CLIENT_FLOOR)
console.log('\nWhere the bytes come from (esbuild metafile):\n')
attributionTable(CLIENT_APPS, clientSizes)

// The client's own bytes of the reviewer app by module: what each part of its behaviour costs.
console.log('\nThe client in the reviewer app (h), by module (bundled from source; minified bytes):\n')
const fromSource = await bundle('calls-reviewer', { fromSource: true })
const modules = [...fromSource.bytesByInput]
  .filter(([input, bytes]) => input.includes('packages/client/src/') && bytes > 0)
  .sort((a, b) => b[1] - a[1])
const clientTotal = modules.reduce((sum, [, bytes]) => sum + bytes, 0)
printTable(
  ['module', 'minified', 'share'],
  [
    ...modules.map(([input, bytes]) => [input.replace(/.*packages\/client\/src\//, ''), `${format(bytes, 0)} B`, `${format((100 * bytes) / clientTotal, 0)}%`]),
    ['all of @signoff/client', `${format(clientTotal, 0)} B`, '100%'],
  ],
)

console.log('\nThe approval schemas alone:\n')
const schemaSizes = await bundleAll(SCHEMA_APPS)
sizeTable(SCHEMA_APPS, schemaSizes, SCHEMA_FLOOR)
console.log('')
attributionTable(SCHEMA_APPS, schemaSizes)

console.log('\nThe approval list schema alone, with each zod front-end:\n')
sizeTable(ZOD_APPS, await bundleAll(ZOD_APPS), 'zod-mini')
console.log('\nRatios are against the floor row of each table, bundled in this same run. KB = 1024 bytes.')
