import fc from 'fast-check'
import { escapeSlackText } from '@signoff/slack'
import { expect, it } from 'vitest'
import { escapeAndCut } from '../../src/message/escape.js'

const unescape = (text: string) => text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&')

it('escapes exactly &, < and >', () => {
  expect(escapeSlackText('a & b < c > d "e" \'f\' *g*')).toBe('a &amp; b &lt; c &gt; d "e" \'f\' *g*')
  expect(escapeSlackText('&amp;')).toBe('&amp;amp;')
})

it('cuts escaped text within the budget, never inside an entity or a character, keeping a prefix of the original', () => {
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom('a', '&', '<', '>', '😀', 'é', ' ') }), fc.integer({ min: 0, max: 60 }), (text, budget) => {
      const { text: cut, omitted } = escapeAndCut(text, budget)
      expect(cut.length).toBeLessThanOrEqual(budget)
      expect(cut).not.toMatch(/[<>]|&(?!amp;|lt;|gt;)/)
      const kept = unescape(cut)
      expect(text.startsWith(kept)).toBe(true)
      expect(kept.length + omitted).toBe(text.length)
      if (omitted === 0) expect(cut).toBe(escapeSlackText(text))
    }),
  )
})
