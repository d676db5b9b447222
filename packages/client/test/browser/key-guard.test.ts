import { describe, expect, it } from 'vitest'
import { InvalidRequestError, Signoff } from '../../src/index.js'

// A key-shaped value that must never show up in what the guard reports.
const KEY = 'pr_live_browser_guard_5f1c2e9a7b'

describe('the browser key guard, in a real browser page', () => {
  it('refuses an apiKey, naming the option and the fixes, never the key', () => {
    const error = (() => {
      try {
        return new Signoff({ apiKey: KEY })
      } catch (caught) {
        return caught
      }
    })()
    expect(error).toBeInstanceOf(InvalidRequestError)
    const invalid = error as InvalidRequestError
    expect(invalid.issues.map((issue) => issue.path)).toEqual([['apiKey']])
    expect(invalid.message).toMatch(/^new Signoff: apiKey: an API key in a browser page can be read by anyone/)
    expect(invalid.message).toContain('set baseUrl to your own backend')
    expect(invalid.message).toContain('dangerouslyAllowBrowser: true')
    expect(`${invalid.message}${invalid.stack ?? ''}${JSON.stringify(invalid)}`).not.toContain(KEY)
  })

  it('accepts the key when dangerouslyAllowBrowser is set', () => {
    expect(new Signoff({ apiKey: KEY, dangerouslyAllowBrowser: true })).toBeInstanceOf(Signoff)
  })

  it('accepts a client with no key, pointed at a backend that adds it', () => {
    expect(new Signoff({ baseUrl: 'https://my-backend.example/promptrails' })).toBeInstanceOf(Signoff)
  })

  it('still refuses the key when the flag is anything but true', () => {
    expect(() => new Signoff({ apiKey: KEY, dangerouslyAllowBrowser: false })).toThrow(/apiKey: an API key in a browser page/)
    expect(() => new Signoff({ apiKey: KEY, dangerouslyAllowBrowser: 'yes' as unknown as boolean })).toThrow(
      /dangerouslyAllowBrowser must be true or false/,
    )
  })
})
