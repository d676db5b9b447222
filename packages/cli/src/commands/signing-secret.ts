import { createWebhookVerifier, isInvalidRequestError } from '@signoff/client'
import { UsageError } from '../errors.js'

/**
 * Checks a signing secret as the client's verifier will, before anything starts. A malformed
 * one is a usage error that names the setting it came from (`--secret` or
 * `PROMPTRAILS_WEBHOOK_SECRET`) and what is wrong with it, never the value.
 */
export function checkSigningSecret(secret: string, setting: string, help: string): void {
  try {
    createWebhookVerifier({ secret })
  } catch (error) {
    if (!isInvalidRequestError(error)) throw error
    throw new UsageError(`${setting}: ${error.issues.map((issue) => issue.message).join('; ')}`, help)
  }
}
