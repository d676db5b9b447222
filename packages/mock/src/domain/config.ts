import type { AgentConfig } from '@signoff/schemas'

/** The longest expiry a version may ask for: 100 years, far inside what a `Date` can hold. */
const MAX_EXPIRES_IN_SECONDS = 100 * 365 * 24 * 3600

/**
 * What is wrong with a version's config for the mock to run it, or `undefined`. Checked when
 * the version is created, so that an execute can never fail after it stored its run.
 */
export function configProblem(config: AgentConfig | null): string | undefined {
  const expiresIn = config?.['approval_expires_in_seconds']
  if (expiresIn === undefined || expiresIn === null) return undefined
  if (typeof expiresIn !== 'number' || !Number.isFinite(expiresIn) || expiresIn <= 0 || expiresIn > MAX_EXPIRES_IN_SECONDS) {
    return `config.approval_expires_in_seconds must be a positive number of seconds, at most ${MAX_EXPIRES_IN_SECONDS}`
  }
  return undefined
}
