import { slackSignature } from '../interactions/signature.js'

/** A body and headers as Slack sends an interaction: `payload=<JSON>`, form-encoded and signed. */
export interface SignedInteraction {
  /** The form-encoded body. */
  body: string
  /** `Content-Type`, `X-Slack-Request-Timestamp` and `X-Slack-Signature`. */
  headers: Record<string, string>
}

/**
 * Builds an interaction request the way Slack does: the payload JSON form-encoded as
 * `payload`, signed with `v0` HMAC-SHA256 over `v0:{timestamp}:{body}`.
 *
 * @example
 * ```ts
 * const { body, headers } = signInteraction(signingSecret, { type: 'block_actions', … })
 * await fetch(interactivityUrl, { method: 'POST', body, headers })
 * ```
 */
export function signInteraction(
  signingSecret: string,
  payload: unknown,
  timestamp: number = Math.floor(Date.now() / 1000),
): SignedInteraction {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString()
  return {
    body,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': slackSignature(signingSecret, timestamp, body),
    },
  }
}
