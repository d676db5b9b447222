import type { SchemaIssue } from '@signoff/schemas'
import { InvalidRequestError } from './errors/invalid-request-error.js'
import { headerProblems, headerValueProblem } from './header-values.js'
import { MAX_TIMER_MS } from './timers.js'

/** Options every call accepts; each overrides the client's setting for this call only. */
export interface RequestOptions {
  /** Cancels the call at once, retries and waits included. */
  signal?: AbortSignal | undefined
  /**
   * The `Idempotency-Key` of a POST (create_version, execute, decide). Every retry of one call
   * reuses its key; pass your own to make your own repeats of a call safe too (for example a
   * job id, so a job that restarts cannot run an agent twice). 1 to 255 characters, not blank.
   * @defaultValue a random UUID per call
   */
  idempotencyKey?: string | undefined
  /**
   * Milliseconds each attempt may take, from sending the request to the last byte of the body.
   * @defaultValue the client's `timeout`
   */
  timeout?: number | undefined
  /**
   * How many times this call is retried on passing failures.
   * @defaultValue the client's `maxRetries`
   */
  maxRetries?: number | undefined
  /**
   * Extra headers for this call, added to (and overriding) the client's.
   * @example
   * ```ts
   * await client.approvals.get(id, { headers: { 'x-trace-id': traceId } })
   * ```
   */
  headers?: Record<string, string> | undefined
}

/** Whether a value is a number of milliseconds a timer can really wait (1 to 2^31 - 1). */
export function isTimerMs(value: unknown): value is number {
  return typeof value === 'number' && value > 0 && value <= MAX_TIMER_MS
}

/** Whether a value is a retry count the client accepts. */
export function isRetryCount(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 10
}

/** Checks one call's options before anything is sent; a problem is an `InvalidRequestError`. */
export function checkRequestOptions(operation: string, options: RequestOptions): void {
  const issues: SchemaIssue[] = []
  const problem = (field: string, message: string) => issues.push({ path: [field], message })
  if (typeof options !== 'object' || options === null) {
    throw new InvalidRequestError(operation, [{ path: ['options'], message: 'options must be an object' }])
  }
  const { signal, idempotencyKey, timeout, maxRetries, headers } = options
  if (signal !== undefined && (typeof signal !== 'object' || signal === null || typeof signal.aborted !== 'boolean')) {
    problem('signal', 'signal must be an AbortSignal')
  }
  if (idempotencyKey !== undefined) {
    const why = headerValueProblem(idempotencyKey)
    if (why !== undefined) problem('idempotencyKey', `idempotencyKey ${why}`)
    else if (idempotencyKey.trim() === '') {
      problem('idempotencyKey', 'idempotencyKey must not be empty: leave it out for a random key per call')
    } else if (idempotencyKey.length > 255) problem('idempotencyKey', 'idempotencyKey must be at most 255 characters')
  }
  if (timeout !== undefined && !isTimerMs(timeout)) {
    problem('timeout', `timeout must be a number of milliseconds from 1 to ${MAX_TIMER_MS}`)
  }
  if (maxRetries !== undefined && !isRetryCount(maxRetries)) problem('maxRetries', 'maxRetries must be an integer from 0 to 10')
  issues.push(...headerProblems('headers', headers))
  if (issues.length > 0) throw new InvalidRequestError(operation, issues)
}
