// Standard Webhooks signing, written for the mock on its own: the mock must not share the
// client's verification code, or a bug in one would hide in the other. Web Crypto only, so the
// mock signs the same way in Node, browsers (the MSW worker) and edge runtimes.

const SECRET_PREFIX = 'whsec_'
const encoder = new TextEncoder()

/**
 * The key bytes of a `whsec_…` secret (the base64 part after the prefix). Only canonical
 * base64 (padded, no spaces, nothing in the padding bits) is taken, as receivers take it, so a
 * key the mock signs with is one a receiver can be given. Throws a TypeError that never repeats
 * the secret, since errors end up in logs.
 */
export function secretBytes(secret: string): Uint8Array<ArrayBuffer> {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret
  let binary: string
  try {
    binary = atob(encoded)
  } catch {
    binary = ''
  }
  // atob is lenient (no padding, spaces, stray bits); encoding back shows any of those.
  if (binary.length === 0 || btoa(binary) !== encoded) {
    throw new TypeError('webhook endpoint secret must be "whsec_" followed by padded standard base64 key bytes')
  }
  return Uint8Array.from(binary, (character) => character.charCodeAt(0))
}

/** Imports each secret as an HMAC-SHA256 signing key. */
export function importSigningKeys(secrets: readonly string[]): Promise<CryptoKey[]> {
  return Promise.all(
    secrets.map((secret) => crypto.subtle.importKey('raw', secretBytes(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])),
  )
}

/**
 * The `webhook-signature` header: one `v1,<base64>` entry per key, space-separated, over
 * `"{id}.{timestamp}.{body}"`. Several entries are how a receiver keeps working through a
 * secret rotation: any one that matches its secret is enough.
 */
export async function signatureHeader(keys: readonly CryptoKey[], id: string, timestamp: number, body: string): Promise<string> {
  const content = encoder.encode(`${id}.${timestamp}.${body}`)
  const entries = await Promise.all(keys.map(async (key) => `v1,${toBase64(new Uint8Array(await crypto.subtle.sign('HMAC', key, content)))}`))
  return entries.join(' ')
}

function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary)
}
