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

/** The apps compared against the plain-fetch baseline. */
export const CLIENT_APPS: readonly App[] = [
  { name: 'list', label: '(a) approvals.list' },
  { name: 'list-only', label: "(a') approvals.list, the resource alone" },
  { name: 'list-decide', label: '(b) list + decide' },
  { name: 'list-decide-verify', label: '(c) list + decide + webhooks.verify' },
  { name: 'plain-fetch', label: '(d) plain fetch, no validation (baseline)' },
  // The floor of any client built on ky and zod/mini: both dependencies, one schema, no client.
  { name: 'ky-zod-mini', label: '(e) ky + a zod/mini list schema, by hand' },
]

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

/** Bundles `apps/<name>.ts` for the browser. */
export async function bundle(name: string): Promise<Bundle> {
  const result = await build({
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
