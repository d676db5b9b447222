// pnpm checks dependencies' `engines` against `nodeVersion` (pnpm-workspace.yaml), because every
// script runs on the Node of the `node` devDependency rather than the machine's: the two must agree.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const read = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8')

describe('the Node that engines are checked against', () => {
  it('is the Node the scripts run on', () => {
    const manifest = JSON.parse(read('package.json')) as { devDependencies: Record<string, string> }
    const checked = /^nodeVersion:\s*(\S+)\s*$/m.exec(read('pnpm-workspace.yaml'))?.[1]
    expect(checked).toBe(manifest.devDependencies['node'])
  })
})
