// Bundles one entry app the way a browser app ships: esbuild, platform browser, minified,
// then gzip -9. Packages resolve through their `exports` to the built `dist/`, as for a user.
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'

/** An entry app of bench/bundle/apps. */
export interface App {
  /** Its file name in apps/, without `.ts`. */
  name: string
  /** What it does, for the table. */
  label: string
}

/** The client's apps, compared against the floor: the reviewer's calls by hand over ky and zod/mini. */
export const CLIENT_APPS: readonly App[] = [
  { name: 'list-only', label: '(a) approvals.list, with new Approvals()' },
  { name: 'reviewer', label: '(b) list + decide, with new Approvals() (the reviewer app)' },
  { name: 'reviewer-verify', label: '(c) list + decide + verifyWebhook' },
  { name: 'list-decide-verify', label: '(d) list + decide + webhooks.verify, with new Signoff()' },
  { name: 'plain-fetch', label: '(e) plain fetch and Web Crypto, no validation' },
  { name: 'ky-zod-mini', label: '(f) ky + zod/mini, list + decide by hand (floor)' },
  { name: 'calls-list-only', label: '(g) listApprovals over a Transport' },
  { name: 'calls-reviewer', label: '(h) listApprovals + decideApproval over a Transport (the reviewer app)' },
]

/** The floor of {@link CLIENT_APPS}. */
export const CLIENT_FLOOR = 'ky-zod-mini'

/** The approval schemas imported from @signoff/schemas, against the same schemas inline. */
export const SCHEMA_APPS: readonly App[] = [
  { name: 'schemas-only', label: 'the approval schemas from @signoff/schemas' },
  { name: 'schemas-inline', label: 'the same schemas inline (floor)' },
]

/** The floor of {@link SCHEMA_APPS}. */
export const SCHEMA_FLOOR = 'schemas-inline'

/** The zod flavour choice: one approval list schema, written with each front-end. */
export const ZOD_APPS: readonly App[] = [
  { name: 'zod-mini', label: 'zod/mini (baseline)' },
  { name: 'zod-classic', label: 'classic zod' },
]

/** What one bundle weighs, and what went into it. */
export interface Bundle {
  raw: number
  gzipped: number
  /** The minified code itself. */
  code: string
  /** Every input file esbuild read, as the metafile names them (`node:…` for Node built-ins). */
  inputs: string[]
  /** The minified bytes each input left in the bundle, after tree-shaking. */
  bytesByInput: Map<string, number>
}

/** The packages a bundle's bytes are attributed to, in the order tables show them. */
export const PACKAGES = ['ky', 'zod', '@signoff/schemas', '@signoff/client', 'the app'] as const

/** Which package an input file of the metafile belongs to. */
export function packageOf(input: string): (typeof PACKAGES)[number] {
  if (/node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?ky\//.test(input)) return 'ky'
  if (/node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?zod\//.test(input)) return 'zod'
  if (input.includes('packages/schemas/')) return '@signoff/schemas'
  if (input.includes('packages/client/')) return '@signoff/client'
  return 'the app'
}

/** The minified bytes each package left in a bundle. */
export function bytesByPackage(bundle: Bundle): Map<(typeof PACKAGES)[number], number> {
  const totals = new Map(PACKAGES.map((name) => [name, 0]))
  for (const [input, bytes] of bundle.bytesByInput) {
    const name = packageOf(input)
    totals.set(name, (totals.get(name) ?? 0) + bytes)
  }
  return totals
}

/**
 * Bundles `apps/<name>.ts` for the browser. With `fromSource`, `@signoff/client` is read from
 * its TypeScript sources instead of `dist/` (one file), so the metafile names each module.
 */
export async function bundle(name: string, { fromSource = false } = {}): Promise<Bundle> {
  const clientSource = new URL('../../packages/client/src/index.ts', import.meta.url).pathname
  const result = await build({
    ...(fromSource ? { alias: { '@signoff/client': clientSource } } : {}),
    entryPoints: [new URL(`./apps/${name}.ts`, import.meta.url).pathname],
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
  })
  const output = result.outputFiles[0]
  const meta = Object.values(result.metafile.outputs)[0]
  if (output === undefined || meta === undefined) throw new Error(`esbuild wrote nothing for ${name}`)
  return {
    raw: output.contents.byteLength,
    code: output.text,
    gzipped: gzipSync(output.contents, { level: 9 }).byteLength,
    inputs: Object.keys(result.metafile.inputs),
    bytesByInput: new Map(Object.entries(meta.inputs).map(([file, input]) => [file, input.bytesInOutput])),
  }
}
