const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/**
 * A random 27-character id of `[0-9A-Za-z]`, shaped like a KSUID, from Web Crypto: what the
 * mock uses where the `ksuid` package cannot run (browsers). The Node entry uses real KSUIDs.
 */
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(27))
  let id = ''
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length]
  return id
}
