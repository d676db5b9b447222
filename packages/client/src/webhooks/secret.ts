import type { SchemaIssue } from '@signoff/schemas'
import { base64Problem, decodeBase64 } from './base64.js'

const SECRET_PREFIX = 'whsec_'
const FORMAT = 'must be "whsec_" followed by the base64 key shown when the endpoint was created'

/** The key bytes of each secret, or the issues that make some of them unusable. */
export type DecodedSecrets = { keys: Uint8Array<ArrayBuffer>[]; issues: [] } | { keys: undefined; issues: SchemaIssue[] }

/**
 * Decodes a `whsec_…` secret, or a rotation list of them, into HMAC key bytes. Every entry
 * must be usable: a list with one bad entry would fail on exactly the messages signed with
 * it. Issues name the option (and the entry's index), never the value.
 */
export function decodeSecrets(secret: unknown, option: string): DecodedSecrets {
  const list = typeof secret === 'string' ? [secret] : secret
  if (!Array.isArray(list) || list.length === 0) {
    return failed({ path: [option], message: `${option} must be a webhook secret (whsec_…) or a non-empty list of them` })
  }
  const keys: Uint8Array<ArrayBuffer>[] = []
  const issues: SchemaIssue[] = []
  list.forEach((entry: unknown, index) => {
    const path = typeof secret === 'string' ? [option] : [option, index]
    const problem = secretProblem(entry)
    if (problem !== undefined) issues.push({ path, message: `the webhook secret ${FORMAT}: ${problem}` })
    else keys.push(decodeBase64(withoutPrefix(entry as string)) as Uint8Array<ArrayBuffer>)
  })
  return issues.length > 0 ? failed(...issues) : { keys, issues: [] }
}

function secretProblem(entry: unknown): string | undefined {
  if (typeof entry !== 'string') return 'it is not a string'
  const encoded = withoutPrefix(entry)
  if (encoded.length === 0) return 'there is no key after the prefix'
  return base64Problem(encoded)
}

// The prefix is optional, as in the reference implementation: a bare base64 key works too.
function withoutPrefix(secret: string): string {
  return secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret
}

function failed(...issues: SchemaIssue[]): DecodedSecrets {
  return { keys: undefined, issues }
}
