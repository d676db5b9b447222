import { reject } from './signature.js'

/** The raw body as received: the exact bytes (or the text, which is sent as UTF-8), before any JSON parsing. */
export type WebhookBody = string | Uint8Array | ArrayBuffer

const encoder = new TextEncoder()
// `ignoreBOM` keeps a byte-order mark in the text, so the text shows what was sent.
const asSent = new TextDecoder('utf-8', { ignoreBOM: true })
// For parsing: bytes that are not UTF-8 are refused rather than replaced.
const strict = new TextDecoder('utf-8', { fatal: true })

/**
 * The bytes a signature covers: the body exactly as given. A string is encoded as UTF-8;
 * bytes are never decoded and re-encoded, which would strip a byte-order mark and turn
 * invalid bytes into U+FFFD, so that different bodies shared one signature.
 */
export function bodyBytes(body: WebhookBody): Uint8Array {
  if (typeof body === 'string') return encoder.encode(body)
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength)
  if (body instanceof ArrayBuffer || Object.prototype.toString.call(body) === '[object ArrayBuffer]') return new Uint8Array(body)
  return reject('bad_payload', 'the body must be the raw text or bytes, not parsed JSON (keep the raw body: see the webhooks guide)')
}

/** The body as text, as sent (a byte-order mark kept; bytes that are not UTF-8 shown as U+FFFD). */
export function bodyText(body: WebhookBody, bytes: Uint8Array): string {
  return typeof body === 'string' ? body : asSent.decode(bytes)
}

/** The body's JSON text: it must be UTF-8; a leading byte-order mark is ignored, as RFC 8259 allows. */
export function jsonText(bytes: Uint8Array): string {
  try {
    return strict.decode(bytes)
  } catch {
    return reject('bad_payload', 'the body is not UTF-8 text')
  }
}
