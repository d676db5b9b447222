import { Webhook } from 'standardwebhooks'

/** A secret in the Standard Webhooks format, for tests only. */
export const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'

/** A second secret, as during a rotation. */
export const OTHER_SECRET = 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD'

/** A fixed "now" for tests: 2026-11-25T12:00:00Z. */
export const NOW = Date.parse('2026-11-25T12:00:00Z')

/** A valid approval.decided body. */
export function decidedBody(payload: unknown = { input: { message: 'Refund order 42' }, output: { text: 'Done' } }): string {
  return JSON.stringify({
    type: 'approval.decided',
    timestamp: '2026-11-25T12:00:00Z',
    data: {
      approval: {
        id: '2Nz3qkGXBtBLqYuwKyWqu9BFWaE',
        execution_id: '2Nz3qkGXBtBLqYuwKyWqu9EXEC1',
        agent_id: '2Nz3qkGXBtBLqYuwKyWqu9AGENT',
        workspace_id: '2Nz3qkGXBtBLqYuwKyWqu9WSPCE',
        checkpoint_name: 'review_response',
        payload,
        status: 'approved',
        decided_by: 'user_1',
        decided_at: '2026-11-25T12:00:00Z',
        expires_at: null,
        reason: 'Looks right',
        created_at: '2026-11-25T11:59:00Z',
      },
      execution: { id: '2Nz3qkGXBtBLqYuwKyWqu9EXEC1', agent_id: '2Nz3qkGXBtBLqYuwKyWqu9AGENT', status: 'completed' },
    },
  })
}

/** Signs a body with the reference `standardwebhooks` implementation. */
export function signWithReference(body: string, options: { id?: string; at?: number; secret?: string } = {}) {
  const id = options.id ?? 'msg_2Nz3qkGXBtBLqYuwKyWqu9BFWaE'
  const at = options.at ?? NOW
  const signature = new Webhook(options.secret ?? SECRET).sign(id, new Date(at), body)
  return { 'webhook-id': id, 'webhook-timestamp': String(Math.floor(at / 1000)), 'webhook-signature': signature }
}
