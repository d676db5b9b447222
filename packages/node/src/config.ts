import { InvalidRequestError, Signoff, type ClientOptions } from '@signoff/client'

/** The environment variables Signoff reads, and the option each one sets. */
export const ENVIRONMENT_VARIABLES = {
  PROMPTRAILS_API_KEY: 'apiKey',
  PROMPTRAILS_BASE_URL: 'baseUrl',
  PROMPTRAILS_WORKSPACE_ID: 'workspaceId',
  PROMPTRAILS_WEBHOOK_SECRET: 'webhookSecret',
} as const satisfies Record<string, keyof ClientOptions>

/**
 * Reads client options from environment variables (see {@link ENVIRONMENT_VARIABLES}).
 * Options passed in `overrides` win over the environment. Empty variables count as unset.
 *
 * @throws InvalidRequestError when no API key is given by either; the message names the
 * variable to set and never echoes a value.
 */
export function configFromEnv(
  overrides: ClientOptions = {},
  env: Record<string, string | undefined> = process.env,
): ClientOptions {
  const options: ClientOptions = {}
  for (const [variable, option] of Object.entries(ENVIRONMENT_VARIABLES)) {
    const value = env[variable]?.trim()
    if (value) options[option] = value
  }
  const merged: ClientOptions = { ...options, ...withoutUndefined(overrides) }
  if (merged.apiKey === undefined) {
    throw new InvalidRequestError('configFromEnv', [
      { path: ['apiKey'], message: 'no API key: set PROMPTRAILS_API_KEY or pass apiKey' },
    ])
  }
  return merged
}

/**
 * Creates a `Signoff` client configured from the environment.
 *
 * @example
 * ```ts
 * import { createClientFromEnv } from '@signoff/node'
 * const client = createClientFromEnv() // PROMPTRAILS_API_KEY, PROMPTRAILS_BASE_URL, …
 * ```
 */
export function createClientFromEnv(
  overrides: ClientOptions = {},
  env: Record<string, string | undefined> = process.env,
): Signoff {
  return new Signoff(configFromEnv(overrides, env))
}

function withoutUndefined(options: ClientOptions): ClientOptions {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined))
}
