// Base64 as RFC 4648 section 4 writes it, and only so: the standard alphabet, padded with "=",
// no whitespace, and no bits set in the padding. One byte string has one spelling, so a
// signature or a secret cannot be respelled and still match.

const CANONICAL = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

/** Encodes bytes as padded base64. */
export function encodeBase64(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary)
}

/** Decodes canonical base64; anything else (see above) is `undefined`. */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!CANONICAL.test(text)) return undefined
  const bytes = Uint8Array.from(atob(text), (character) => character.charCodeAt(0))
  // Re-encoding is how bits set in the padding show: they are lost on the way back.
  return encodeBase64(bytes) === text ? bytes : undefined
}

/** Why text is not canonical base64, in words that never repeat it; `undefined` when it is. */
export function base64Problem(text: string): string | undefined {
  if (decodeBase64(text) !== undefined) return undefined
  if (/\s/.test(text)) return 'it has spaces or line breaks in it'
  if (/[-_]/.test(text) && /^[A-Za-z0-9_-]*=*$/.test(text)) return "it is base64url (with - or _); it must be standard base64 (with + and /)"
  if (/[^A-Za-z0-9+/=]/.test(text)) return 'it has characters that are not base64'
  if (text.length % 4 !== 0 || /=[^=]/.test(text)) return 'it is not padded base64 (a multiple of 4 characters, with = only at the end)'
  return 'it is not canonical base64 (its last character sets bits that no encoder writes)'
}
