import { InvalidRequestError } from '@signoff/client'

/**
 * Checks a duration option in ms: a finite number above 0, else `fallback` when it is absent.
 * Any length is accepted (waits of weeks really wait: see `startTimer`); NaN, negatives,
 * Infinity and strings are an `InvalidRequestError` naming the option, before any request.
 */
export function checkDuration(method: string, name: string, value: unknown, fallback: number): number
export function checkDuration(method: string, name: string, value: unknown): number | undefined
export function checkDuration(method: string, name: string, value: unknown, fallback?: number): number | undefined {
  if (value === undefined) return fallback
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value
  const given = typeof value === 'number' ? String(value) : `a ${typeof value}`
  throw new InvalidRequestError(method, [{ path: [name], message: `${name} must be a number of milliseconds above 0 (got ${given})` }])
}

/** Checks a whole-number option from 1 to `max`; anything else is an `InvalidRequestError` naming it. */
export function checkWhole(method: string, name: string, value: unknown, max: number): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= max) return value
  throw new InvalidRequestError(method, [{ path: [name], message: `${name} must be a whole number from 1 to ${max}` }])
}
