/**
 * Which server the mock imitates. `standard` follows REST norms (409 for a repeated decision,
 * structured error bodies, `pages` in list meta, both `id` and `execution_id` on execute);
 * `emulator` mimics the public PromptRails emulator (400 "approval has already been decided",
 * short error bodies, `total_pages`, execute answering `id` only).
 */
export type Quirks = 'standard' | 'emulator'

/** The error codes the mock sends in structured bodies. */
export type ErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'validation_error'
  | 'conflict'
  | 'method_not_allowed'

/** A failed request, as a status and what the body says. */
export interface MockFailure {
  status: 400 | 401 | 403 | 404 | 405 | 409
  code: ErrorCode
  message: string
  details?: unknown
}

/** The message the emulator sends for a second decision on one approval. */
export const ALREADY_DECIDED = 'approval has already been decided'

/** Renders a failure in the dialect's error body shape. */
export function errorBody(quirks: Quirks, failure: MockFailure): Record<string, unknown> {
  if (quirks === 'emulator') return { error: failure.message }
  const { code, message, details } = failure
  return { error: details === undefined ? { code, message } : { code, message, details } }
}
