import { AgentConfigInputSchema, CreateVersionParamsSchema, DECISIONS, DecideParamsSchema, ExecuteParamsSchema } from '@signoff/schemas'
import * as z from 'zod/mini'
import { INVALID_BODY } from '../http/failure.js'

// Request bodies as the mock checks them, built on the schemas the client sends by; the path
// carries the ids, so the id fields are left out.

/** `POST /agents`: `name` and `type` are required, as the emulator checks. */
export const CreateAgentBodySchema = z.object({
  name: z.string({ error: 'name must be a string' }).check(z.minLength(1, { error: 'name and type are required' })),
  type: z.string({ error: 'type must be a string such as "simple"' }).check(z.minLength(1, { error: 'name and type are required' })),
  description: z.optional(z.string({ error: 'description must be a string' })),
})

/** The emulator's message when `POST /agents` lacks a name or type. */
export function createAgentMessage(body: unknown): string {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : undefined
  const text = (value: unknown) => value === undefined || typeof value === 'string'
  return record !== undefined && text(record['name']) && text(record['type']) ? 'name and type are required' : INVALID_BODY
}

/**
 * `POST /agents/{id}/versions`: `config` may be left out or null, as the emulator stores it
 * (the official SDK types it optional). The client still requires it of its own callers.
 */
export const CreateVersionBodySchema = z.extend(z.omit(CreateVersionParamsSchema, { agent_id: true }), {
  config: z.optional(z.nullable(AgentConfigInputSchema)),
})

/** `POST /agents/{id}/execute`. */
export const ExecuteBodySchema = z.omit(ExecuteParamsSchema, { agent_id: true })

/** `POST /approvals/{id}/decide`: a string reason of at most 10,000 characters, or none. */
export const DecideBodySchema = z.omit(DecideParamsSchema, { approval_id: true })

/** The emulator binds `reason` to a plain string: `null` is as good as none, and no length is checked. */
export const EmulatorDecideBodySchema = z.object({
  decision: z.enum(DECISIONS),
  reason: z.pipe(
    z.optional(z.nullable(z.string())),
    z.transform((reason) => reason ?? undefined),
  ),
})

/** The emulator's message for a decide body: its one sentence for a bad decision value. */
export function decideMessage(body: unknown): string {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : undefined
  const decision = record?.['decision']
  const reason = record?.['reason']
  const binds = (decision === undefined || typeof decision === 'string') && (reason === undefined || reason === null || typeof reason === 'string')
  return record !== undefined && binds ? "decision must be 'approved' or 'rejected'" : INVALID_BODY
}
