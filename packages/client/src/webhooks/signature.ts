import { WebhookVerificationError } from '../core/errors/webhook-verification-error.js'
import { decodeBase64 } from './base64.js'

// The Standard Webhooks scheme: HMAC-SHA256 over "{id}.{timestamp}.{body bytes}", keyed with
// the base64-decoded secret after its `whsec_` prefix, sent base64-encoded as "v1,<signature>".
// Web Crypto only, so the same code runs in browsers, Node, Deno, Bun and edge runtimes.

const encoder = new TextEncoder()
const SIGNATURE_BYTES = 32

/** Imports key bytes (from `decodeSecrets`) as HMAC-SHA256 keys. */
export function importKeys(keys: readonly Uint8Array<ArrayBuffer>[]): Promise<CryptoKey[]> {
  return Promise.all(keys.map((bytes) => crypto.subtle.importKey('raw', bytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify'])))
}

/** What is signed: the message id, its timestamp and the raw body bytes, joined by dots. */
export function signedContent(id: string, timestamp: string, body: Uint8Array): Uint8Array<ArrayBuffer> {
  const prefix = encoder.encode(`${id}.${timestamp}.`)
  const content = new Uint8Array(prefix.length + body.length)
  content.set(prefix)
  content.set(body, prefix.length)
  return content
}

/**
 * Checks a `webhook-signature` header against any of the keys. The header is a list of
 * entries separated by single spaces; an entry counts only when it is exactly `v1,` and the
 * canonical base64 of 32 bytes (other versions, such as `v1a`, are skipped).
 * `crypto.subtle.verify` compares in constant time, so no byte-by-byte comparison is written here.
 */
export async function matchesAnySignature(keys: readonly CryptoKey[], header: string, content: Uint8Array<ArrayBuffer>): Promise<boolean> {
  for (const entry of header.split(' ')) {
    if (!entry.startsWith('v1,')) continue
    const signature = decodeBase64(entry.slice(3))
    if (signature?.length !== SIGNATURE_BYTES) continue
    for (const key of keys) {
      if (await crypto.subtle.verify('HMAC', key, signature, content)) return true
    }
  }
  return false
}

/** Throws the verification error for a reason, in words that never include a secret. */
export function reject(reason: WebhookVerificationError['reason'], message: string): never {
  throw new WebhookVerificationError(reason, `webhook rejected: ${message}`)
}
