/**
 * Accepts both call forms: the documented object form (`decide({ approval_id, decision })`)
 * and the official JS SDK's positional form (`decide(approval_id, { decision })`). Returns
 * one object for validation; anything odd is left for the schema to reject.
 */
export function withPositionalId(key: string, first: unknown, rest: unknown): unknown {
  // An object is the documented form; anything else stands where the id goes, so the
  // validation message names the id field.
  if (typeof first === 'object' && first !== null) return first
  const params = typeof rest === 'object' && rest !== null ? rest : {}
  return { ...params, [key]: first }
}

/** Options every call accepts. */
export interface RequestOptions {
  /** Cancels the call at once, retries and waits included. */
  signal?: AbortSignal | undefined
  /**
   * The `Idempotency-Key` of a POST (create_version, execute, decide). Every retry of one call
   * reuses its key; pass your own to make your own repeats of a call safe too (for example a
   * job id, so a job that restarts cannot run an agent twice).
   * @defaultValue a random UUID per call
   */
  idempotencyKey?: string | undefined
}
