import { InvalidRequestError } from '../core/errors/invalid-request-error.js'
import { WebhookVerificationError } from '../core/errors/webhook-verification-error.js'

// The Standard Webhooks scheme: HMAC-SHA256 over "{id}.{timestamp}.{body}", keyed with the
// base64-decoded secret after its `whsec_` prefix, sent base64-encoded as "v1,<signature>".
// Web Crypto only, so the same code runs in browsers, Node, Deno, Bun and edge runtimes.

const SECRET_PREFIX = 'whsec_'
const encoder = new TextEncoder()

function decodeBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  try {
    const binary = atob(text)
    const bytes = new Uint8Array(binary.length)
    for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index)
    return bytes
  } catch {
    return undefined
  }
}

/** Imports a `whsec_…` secret as an HMAC key; throws a clear error (without the secret) if malformed. */
export async function importSecret(secret: string): Promise<CryptoKey> {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret
  const bytes = decodeBase64(encoded)
  if (bytes === undefined || bytes.length === 0) {
    throw new InvalidRequestError('webhooks', [
      { path: ['secret'], message: 'the webhook secret must be "whsec_" followed by base64, as shown when the endpoint was created' },
    ])
  }
  return crypto.subtle.importKey('raw', bytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify'])
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
 * Checks a `webhook-signature` header against any of the keys. `crypto.subtle.verify`
 * compares in constant time, so no byte-by-byte comparison is written here.
 */
export async function matchesAnySignature(keys: CryptoKey[], header: string, content: Uint8Array<ArrayBuffer>): Promise<boolean> {
  for (const entry of header.split(' ')) {
    const [version, encoded] = entry.split(',', 2)
    if (version !== 'v1' || encoded === undefined) continue
    const signature = decodeBase64(encoded)
    if (signature === undefined) continue
    for (const key of keys) {
      if (await crypto.subtle.verify('HMAC', key, signature, content)) return true
    }
  }
  return false
}

/** Signs content for the `webhook-signature` header: `v1,<base64>`. */
export async function sign(key: CryptoKey, content: Uint8Array<ArrayBuffer>): Promise<string> {
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', key, content))
  let binary = ''
  for (const byte of signature) binary += String.fromCharCode(byte)
  return `v1,${btoa(binary)}`
}

/** Throws the verification error for a reason, in words that never include a secret. */
export function reject(reason: WebhookVerificationError['reason'], message: string): never {
  throw new WebhookVerificationError(reason, `webhook rejected: ${message}`)
}
