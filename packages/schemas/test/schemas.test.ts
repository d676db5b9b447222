import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  AgentConfigSchema,
  ApprovalRequestSchema,
  ExecutionSchema,
  ListMetaSchema,
  isSafeId,
  readErrorBody,
} from '../src/index.js'

const approval = {
  id: 'a1', execution_id: 'e1', agent_id: 'g1', checkpoint_name: 'review', status: 'pending',
  created_at: '2026-11-25T12:00:00.123456789Z',
}

describe('response schemas', () => {
  it('parse any status string, keeping it as sent', () => {
    fc.assert(fc.property(fc.string(), (status) => {
      expect(ApprovalRequestSchema.parse({ ...approval, status }).status).toBe(status)
    }))
  })

  it('keep unknown fields', () => {
    fc.assert(fc.property(fc.string().filter((key) => !(key in approval) && key !== '__proto__'), fc.jsonValue(), (key, value) => {
      const parsed = ApprovalRequestSchema.parse({ ...approval, [key]: value }) as Record<string, unknown>
      expect(parsed[key]).toEqual(value)
    }))
  })

  it('read both spellings of the fields that have two', () => {
    expect(ListMetaSchema.parse({ total: 1, page: 1, limit: 20, pages: 1 }).total_pages).toBe(1)
    expect(AgentConfigSchema.parse({ approval_checkpoint_name: 'x' }).checkpoint_name).toBe('x')
    expect(AgentConfigSchema.parse({ checkpoint_name: 'doc', approval_checkpoint_name: 'sdk' }).checkpoint_name).toBe('doc')
    expect(ExecutionSchema.parse({ execution_id: 'e1', agent_id: 'g1', status: 'running' }).id).toBe('e1')
  })

  it('accept RFC 3339 timestamps at any precision and with offsets, and refuse other text', () => {
    for (const created_at of ['2026-11-25T12:00:00Z', '2026-11-25T12:00:00.1+02:00', '2026-11-25T12:00:00.123456789Z']) {
      expect(ApprovalRequestSchema.safeParse({ ...approval, created_at }).success).toBe(true)
    }
    expect(ApprovalRequestSchema.safeParse({ ...approval, created_at: 'yesterday' }).success).toBe(false)
  })
})

describe('isSafeId', () => {
  it('refuses anything that could leave its path segment, accepts the rest', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (id) => {
      const escapes = id === '' || id === '.' || id === '..' || /[/?#\\%\s]/u.test(id)
      expect(isSafeId(id)).toBe(!escapes)
    }), { numRuns: 2_000 })
    expect(isSafeId('2Nz3qkGXBtBLqYuwKyWqu9BFWaE')).toBe(true)
  })
})

describe('readErrorBody', () => {
  it('reads the three error shapes and nothing else', () => {
    expect(readErrorBody({ error: { code: 'c', message: 'm', details: 1 } })).toEqual({ code: 'c', message: 'm', details: 1 })
    expect(readErrorBody({ error: 'm' })).toEqual({ message: 'm' })
    expect(readErrorBody({ message: 'm' })).toEqual({ message: 'm' })
    expect(readErrorBody('<html>')).toBeUndefined()
    expect(readErrorBody({ oops: true })).toBeUndefined()
  })
})
