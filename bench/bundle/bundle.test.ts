// Behaviour, not sizes (those are printed by main.ts): every app bundles for browsers, and what
// an app does not call stays out of its bundle.
import { existsSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { CLIENT_APPS, SCHEMA_APPS, ZOD_APPS, bundle, type Bundle } from './build.ts'

const ALL_APPS = [...CLIENT_APPS, ...SCHEMA_APPS, ...ZOD_APPS]
const bundles = new Map<string, Bundle>()
const get = (name: string): Bundle => {
  const found = bundles.get(name)
  if (found === undefined) throw new Error(`${name} was not bundled`)
  return found
}

beforeAll(async () => {
  // The apps bundle the built packages, as users get them.
  if (!existsSync(new URL('../../packages/client/dist/index.js', import.meta.url))) {
    throw new Error('bench/bundle bundles packages/*/dist: run `npx -y pnpm@12.21.0 run build` first')
  }
  for (const app of ALL_APPS) bundles.set(app.name, await bundle(app.name))
}, 30_000)

describe('browser bundles', () => {
  it.each(ALL_APPS.map((app) => app.name))('%s bundles for the browser without any Node built-in', (name) => {
    const { inputs, raw } = get(name)
    expect(raw).toBeGreaterThan(0)
    expect(inputs.filter((input) => input.startsWith('node:'))).toEqual([])
  })

  it('a list-only app is smaller than one that also decides and verifies webhooks', () => {
    expect(get('list-only').raw).toBeLessThan(get('reviewer-verify').raw)
  })

  it('a page calling listApprovals alone carries neither decide nor the other resources', () => {
    // `approvals.decide` names only decide's code (its errors, its read-back); the reviewer
    // written with the same functions shows the check can tell.
    const markers = ['approvals.decide', 'webhook-signature', 'agents.execute', 'executions.list']
    for (const marker of markers) expect(get('calls-list-only').code).not.toContain(marker)
    expect(get('calls-reviewer').code).toContain('approvals.decide')
    expect(get('calls-list-only').raw).toBeLessThan(get('calls-reviewer').raw)
  })

  it('a list-only app carries no webhook verifier and no agents resource', () => {
    // Strings only the verifier and the agents resource hold; the full client's bundle shows
    // the check can tell.
    const markers = ['webhook-signature', 'agents.create_version', 'agents.execute']
    for (const marker of markers) {
      expect(get('list-only').code).not.toContain(marker)
      expect(get('list-decide-verify').code).toContain(marker)
    }
    // The verifier comes with verifyWebhook alone, the agents resource still not.
    expect(get('reviewer-verify').code).toContain('webhook-signature')
    expect(get('reviewer-verify').code).not.toContain('agents.create_version')
    expect(get('list-only').raw).toBeLessThan(get('list-decide-verify').raw)
  })

  it('an app using some schemas carries neither the others nor the zod code only they need', () => {
    // JsonObjectSchema (a record) sits in the same module as the id and timestamp schemas the
    // approval schemas use; only its pure annotation lets a bundler drop it. zod's other ISO
    // formats come only through the z.iso namespace.
    const { code } = get('schemas-only')
    for (const constructor of ['"$ZodRecord"', '"$ZodUnion"', '"$ZodISODate"', '"$ZodISODuration"']) {
      expect(code).not.toContain(constructor)
    }
    // The check can tell: the full client, whose agent schemas use records, carries one.
    expect(get('list-decide-verify').code).toContain('"$ZodRecord"')
  })

  it('no bundle of the schemas carries the zod check classes their refinements stand in for', () => {
    // Formats, bounds and enums are refinements (one class, z.custom's), so none of these
    // classes reaches a browser through @signoff/schemas.
    const classes = ['"$ZodISODateTime"', '"$ZodCheckMinLength"', '"$ZodCheckMaxLength"', '"$ZodEnum"', '"$ZodNumberFormat"', '"$ZodCheckGreaterThan"', '"$ZodCheckLessThan"']
    for (const name of ['schemas-only', 'list-only', 'reviewer', 'reviewer-verify', 'list-decide-verify']) {
      for (const constructor of classes) expect(get(name).code, `${name} holds ${constructor}`).not.toContain(constructor)
    }
    // The check can tell: classic zod, which bundlers cannot trim, carries them all.
    for (const constructor of classes) expect(get('zod-classic').code).toContain(constructor)
  })

  it("the client's bundles carry none of classic zod or its locales", () => {
    for (const name of ['list-only', 'reviewer', 'reviewer-verify', 'list-decide-verify', 'schemas-only']) {
      const classic = [...get(name).bytesByInput].filter(([file, bytes]) => /zod\/v4\/(classic|locales)\//.test(file) && bytes > 0)
      expect(classic).toEqual([])
    }
    // The check can tell: the classic-zod app does carry them.
    expect([...get('zod-classic').bytesByInput].some(([file, bytes]) => /zod\/v4\/(classic|locales)\//.test(file) && bytes > 0)).toBe(true)
  })
})
