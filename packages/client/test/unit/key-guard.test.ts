import { describe, expect, it } from 'vitest'
import { Signoff } from '../../src/index.js'

// The browser half of these tests is test/browser/key-guard.test.ts, run in Chromium.
describe('the browser key guard, outside a browser', () => {
  it('lets a server-side client use its apiKey without any flag', () => {
    expect(typeof document).toBe('undefined')
    expect(new Signoff({ apiKey: 'pr_live_server_side_key' })).toBeInstanceOf(Signoff)
  })

  it('still checks the flag\'s type', () => {
    expect(() => new Signoff({ apiKey: 'pr_live_server_side_key', dangerouslyAllowBrowser: 1 as unknown as boolean })).toThrow(
      /dangerouslyAllowBrowser must be true or false/,
    )
  })
})
