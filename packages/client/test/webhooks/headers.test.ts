import { describe, expect, it } from 'vitest'
import { verifyWebhook } from '../../src/index.js'
import { NOW, SECRET, decidedBody, signWithReference } from './fixtures.js'

const now = () => NOW

/**
 * A headers object that is not the global `Headers`, as MSW's polyfill or a `Headers` from
 * another realm (an iframe, a vm context) is: it has `get`, and nothing else in common.
 */
class ForeignHeaders {
  readonly #values: Map<string, string>
  constructor(init: Record<string, string>) {
    this.#values = new Map(Object.entries(init).map(([name, value]) => [name.toLowerCase(), value]))
  }
  get(name: string): string | null {
    return this.#values.get(name.toLowerCase()) ?? null
  }
}

describe('reading webhook headers', () => {
  it('reads any object with a get method, not only the global Headers', async () => {
    const body = decidedBody()
    const foreign = new ForeignHeaders(signWithReference(body))
    expect(foreign).not.toBeInstanceOf(Headers)
    await expect(verifyWebhook(body, foreign, { secret: SECRET, now })).resolves.toBe(body)
  })

  it('reads a plain record whose prototype is null, in any case', async () => {
    const body = decidedBody()
    const record = Object.assign(Object.create(null) as Record<string, string>, signWithReference(body))
    await expect(verifyWebhook(body, record, { secret: SECRET, now })).resolves.toBe(body)
  })

  it('treats a record key named get as a header, not as a method', async () => {
    const body = decidedBody()
    await expect(verifyWebhook(body, { ...signWithReference(body), get: 'x' }, { secret: SECRET, now })).resolves.toBe(body)
  })
})
