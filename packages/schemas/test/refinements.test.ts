// The constraints written as refinements (src/refinements.ts) against the zod checks they
// replace, used here as the reference: each accepts exactly what zod's own check accepts.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import {
  AgentConfigInputSchema,
  ApprovalListParamsSchema,
  ApprovalRequestSchema,
  DecideParamsSchema,
  ExecutionListParamsSchema,
  IdSchema,
  TimestampSchema,
  describeIssues,
  jsonSchemaFactsOf,
} from '../src/index.js'
import { intInRange, oneOf, stringOfLength } from '../src/refinements.js'

const accepts = (schema: z.ZodMiniType, value: unknown) => schema.safeParse(value).success
const messagesOf = (schema: z.ZodMiniType, value: unknown) => {
  const result = schema.safeParse(value)
  return result.success ? 'accepted' : describeIssues(result.error.issues)
}

describe('TimestampSchema', () => {
  const zodDateTime = z.iso.datetime({ offset: true })
  const agrees = (text: string) => {
    expect(accepts(TimestampSchema, text), text).toBe(accepts(zodDateTime, text))
  }

  const pad = (width: number) => (value: number) => String(value).padStart(width, '0')
  const field = (max: number, width = 2) => fc.integer({ min: 0, max }).map(pad(width))
  const year = fc.oneof(
    field(9999, 4),
    fc.constantFrom('0000', '1600', '1700', '1900', '2000', '2023', '2024', '2100', '2400', '999', '20245', '+2024'),
  )
  const offset = fc.oneof(
    fc.constantFrom('Z', 'z', '', '+00:00', '-00:00', '+0200', '+02', '+2:00', 'UTC'),
    fc.tuple(fc.constantFrom('+', '-', '±'), field(25), field(61)).map(([sign, hours, minutes]) => `${sign}${hours}:${minutes}`),
  )
  const fraction = fc.oneof(fc.constantFrom('', '', '.', ',5', '.5.5'), fc.stringMatching(/^\.\d{1,12}$/))
  const seconds = fc.oneof(field(61).map((value) => `:${value}`), fc.constantFrom('', ':6'))
  const timestamp = fc
    .tuple(year, field(13), field(32), fc.constantFrom('T', 'T', 't', ' ', ''), field(25), field(61), seconds, fraction, offset)
    .map(([y, month, day, separator, hours, minutes, secs, frac, zone]) => `${y}-${month}-${day}${separator}${hours}:${minutes}${secs}${frac}${zone}`)
  // One character inserted, removed or replaced, to reach the text around valid timestamps.
  const edited = fc
    .tuple(timestamp, fc.nat(), fc.constantFrom('insert', 'remove', 'replace'), fc.constantFrom('0', '9', ':', '-', 'T', 'Z', '.', ' ', '\n', '٣'))
    .map(([text, at, edit, char]) => {
      const index = at % (text.length + 1)
      if (edit === 'insert') return text.slice(0, index) + char + text.slice(index)
      return text.slice(0, index) + (edit === 'replace' ? char : '') + text.slice(index + 1)
    })

  it('accepts and refuses exactly what z.iso.datetime({ offset: true }) does', () => {
    fc.assert(fc.property(fc.oneof(timestamp, edited, fc.string()), agrees), { numRuns: 20_000 })
  })

  it('agrees with zod on every calendar day of every year, 29 February included', () => {
    for (let year = 0; year <= 9999; year++) {
      for (const day of ['02-28', '02-29', '02-30']) agrees(`${pad(4)(year)}-${day}T00:00:00Z`)
    }
    for (const year of ['2023', '2024']) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) agrees(`${year}-${pad(2)(month)}-${pad(2)(day)}T12:00:00Z`)
      }
    }
  })

  it('agrees with zod on every time of day and every offset', () => {
    for (let hours = 0; hours <= 25; hours++) {
      for (let minutes = 0; minutes <= 61; minutes++) {
        agrees(`2026-11-25T${pad(2)(hours)}:${pad(2)(minutes)}:00Z`)
        agrees(`2026-11-25T12:${pad(2)(minutes)}:${pad(2)(hours)}Z`)
        for (const sign of ['+', '-']) agrees(`2026-11-25T12:00:00${sign}${pad(2)(hours)}:${pad(2)(minutes)}`)
      }
    }
  })

  it.each([
    ['2026-11-25T12:00:00Z', true],
    ['2026-11-25T12:00:00.1+02:00', true],
    ['2026-11-25T12:00:00.123456789123-23:59', true],
    ['2024-02-29T00:00:00Z', true],
    ['2000-02-29T00:00:00Z', true],
    ['0000-02-29T00:00:00Z', true],
    ['2023-02-29T00:00:00Z', false],
    ['1900-02-29T00:00:00Z', false],
    ['2026-04-31T00:00:00Z', false],
    ['2026-11-25T24:00:00Z', false],
    ['2026-11-25T23:59:60Z', false],
    ['2026-11-25T12:00Z', false],
    ['2026-11-25T12:00:00', false],
    ['2026-11-25T12:00:00.Z', false],
    ['2026-11-25t12:00:00z', false],
    ['2026-11-25 12:00:00Z', false],
    ['2026-11-25T12:00:00+24:00', false],
    ['2026-11-25T12:00:00+0200', false],
    ['2026-11-25T12:00:00Z\n', false],
    ['2026-11-25', false],
  ])('%s: %s', (text, valid) => {
    expect(accepts(TimestampSchema, text)).toBe(valid)
    expect(accepts(zodDateTime, text)).toBe(valid)
  })

  it('says which field has the wrong format, as before', () => {
    const approval = { id: 'a1', execution_id: 'e1', agent_id: 'g1', checkpoint_name: 'review', status: 'pending' }
    expect(messagesOf(ApprovalRequestSchema, { ...approval, created_at: 'yesterday' })).toBe('created_at: has the wrong format')
    expect(messagesOf(ApprovalRequestSchema, { ...approval, created_at: 7 })).toBe('created_at: expected string')
  })
})

describe('intInRange', () => {
  const numbers = fc.oneof(
    fc.double(),
    fc.integer({ min: -200, max: 200 }),
    fc.constantFrom(0, -0, 1, 100, 101, 0.5, 1.5, 99.5, 100.5, 2 ** 53 - 1, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), 1e308, Infinity, -Infinity, NaN),
    fc.anything(),
  )

  it('accepts exactly what z.int() with z.gte and z.lte accepts', () => {
    for (const [minimum, maximum] of [[1, 100], [1, Number.MAX_SAFE_INTEGER], [-5, 5]] as const) {
      const zodChecks = z.number().check(z.int(), z.gte(minimum), z.lte(maximum))
      const ours = intInRange(minimum, maximum, 'out of range')
      fc.assert(fc.property(numbers, (value) => {
        expect(accepts(ours, value)).toBe(accepts(zodChecks, value))
      }), { numRuns: 5_000 })
    }
  })

  it('words page and limit failures as the API needs them', () => {
    const below = 'limit: limit must be an integer from 1 to 100'
    const above = 'limit: limit must be an integer from 1 to 100 (the API caps pages at 100)'
    expect(messagesOf(ApprovalListParamsSchema, { limit: 0 })).toBe(below)
    expect(messagesOf(ApprovalListParamsSchema, { limit: 1.5 })).toBe(below)
    expect(messagesOf(ApprovalListParamsSchema, { limit: 101 })).toBe(above)
    expect(messagesOf(ApprovalListParamsSchema, { limit: 100.5 })).toBe(above)
    expect(messagesOf(ApprovalListParamsSchema, { limit: '20' })).toBe('limit: expected number')
    expect(messagesOf(ApprovalListParamsSchema, { limit: 100, page: 1 })).toBe('accepted')
    expect(messagesOf(ExecutionListParamsSchema, { page: 0 })).toBe('page: page must be an integer of at least 1')
    expect(messagesOf(ExecutionListParamsSchema, { page: 2.5 })).toBe('page: page must be an integer of at least 1')
    expect(messagesOf(ExecutionListParamsSchema, { page: NaN })).toBe('page: expected number')
  })
})

describe('stringOfLength', () => {
  // Code points of one and two UTF-16 units, and lone surrogates, which zod counts as one each.
  const text = fc.string({ unit: fc.constantFrom('a', 'é', '😀', '\uD800', '\uDC00'), maxLength: 14 })

  it('counts code points as z.minLength and z.maxLength do', () => {
    const bounds = fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 8 }))
    fc.assert(fc.property(bounds, text, ([minLength, extra], value) => {
      const maxLength = minLength + extra
      const zodChecks = z.string().check(z.minLength(minLength), z.maxLength(maxLength))
      expect(accepts(stringOfLength({ minLength, maxLength }), value)).toBe(accepts(zodChecks, value))
      expect(accepts(stringOfLength({ minLength }), value)).toBe(accepts(z.string().check(z.minLength(minLength)), value))
      expect(accepts(stringOfLength({ maxLength }), value)).toBe(accepts(z.string().check(z.maxLength(maxLength)), value))
    }), { numRuns: 5_000 })
  })

  it('lets a reason be 10,000 characters, however many units they take, and no more', () => {
    const decide = (reason: unknown) => messagesOf(DecideParamsSchema, { approval_id: 'a1', decision: 'approved', reason })
    expect(decide('😀'.repeat(10_000))).toBe('accepted')
    expect(decide('x'.repeat(10_000))).toBe('accepted')
    expect(decide('😀'.repeat(10_001))).toBe('reason: reason must be at most 10000 characters')
    expect(decide('x'.repeat(10_001))).toBe('reason: reason must be at most 10000 characters')
    expect(decide(42)).toBe('reason: reason must be a string')
  })

  it('refuses empty ids and checkpoint names, with the messages they had', () => {
    expect(accepts(IdSchema, '')).toBe(false)
    expect(accepts(IdSchema, 'x')).toBe(true)
    expect(messagesOf(IdSchema, '')).toBe('(root): Invalid input')
    expect(messagesOf(AgentConfigInputSchema, { checkpoint_name: '' })).toBe('checkpoint_name: config.checkpoint_name must not be empty')
    expect(messagesOf(AgentConfigInputSchema, { checkpoint_name: 3 })).toBe(
      'checkpoint_name: config.checkpoint_name must be a string such as "review_response"',
    )
  })
})

describe('oneOf', () => {
  it('accepts exactly what z.enum accepts', () => {
    const values = ['approved', 'rejected'] as const
    const ours = oneOf(values, 'not one of them')
    fc.assert(fc.property(fc.oneof(fc.constantFrom(...values, 'Approved', 'approved ', ''), fc.anything()), (value) => {
      expect(accepts(ours, value)).toBe(accepts(z.enum(values), value))
    }))
  })

  it('keeps the decision message', () => {
    expect(messagesOf(DecideParamsSchema, { approval_id: 'a1', decision: 'maybe' })).toBe('decision: decision must be "approved" or "rejected"')
    expect(messagesOf(DecideParamsSchema, { approval_id: 'a1' })).toBe('decision: decision must be "approved" or "rejected"')
  })
})

describe('jsonSchemaFactsOf', () => {
  it('tells a JSON Schema converter what the refinements check', () => {
    const json = z.toJSONSchema(ApprovalRequestSchema, {
      io: 'input',
      override: ({ zodSchema, jsonSchema }) => Object.assign(jsonSchema, jsonSchemaFactsOf(zodSchema)),
    }) as { properties: Record<string, unknown> }
    expect(json.properties['id']).toEqual({ type: 'string', minLength: 1 })
    expect(json.properties['created_at']).toEqual({ type: 'string', format: 'date-time' })
    expect(jsonSchemaFactsOf(DecideParamsSchema.shape.decision)).toEqual({ type: 'string', enum: ['approved', 'rejected'] })
    expect(jsonSchemaFactsOf(z.string())).toBeUndefined()
  })
})
