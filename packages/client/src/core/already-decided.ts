import { readErrorBody } from '@signoff/schemas'

// The one place that knows how servers say "this approval is no longer pending". A REST server
// answers 409; the public emulator answers 400 with a message. A 409 that names an idempotency
// lock means the same request is still being processed: that one is worth retrying.

/** Whether a failed response says the approval was already decided (or has expired). */
export function isAlreadyDecided(status: number, body: unknown): boolean {
  if (status === 409) return !isIdempotencyLock(status, body)
  return status === 400 && /already (been )?decided/i.test(readErrorBody(body)?.message ?? '')
}

/** Whether a 409 says the same request is still in progress (an idempotency lock). */
export function isIdempotencyLock(status: number, body: unknown): boolean {
  return status === 409 && /in_progress|lock/i.test(readErrorBody(body)?.code ?? '')
}
