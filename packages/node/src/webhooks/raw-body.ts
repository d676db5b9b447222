import type { IncomingMessage } from 'node:http'

/** The request body was larger than the receiver accepts. */
export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError'
}

/** The request body did not arrive in time. */
export class BodyTimeoutError extends Error {
  override name = 'BodyTimeoutError'
}

/** A request as Express, Connect or a body parser may have left it. */
export type ReceivedRequest = IncomingMessage & { body?: unknown; rawBody?: unknown }

/** Bounds on reading a body. */
export interface BodyLimits {
  /** Bytes at most. */
  maxBytes: number
  /** Milliseconds for the whole body, from when reading starts. */
  timeoutMs: number
}

/**
 * The raw body, exactly as sent: signatures cover bytes, so a re-serialised JSON object can
 * never be verified. Uses what a raw body parser kept (`rawBody`, or `body` when it is a
 * Buffer), otherwise reads the stream, stopping at the limits.
 */
export async function readRawBody(request: ReceivedRequest, limits: BodyLimits): Promise<Uint8Array> {
  const kept = [request.rawBody, request.body].find((value) => value instanceof Uint8Array)
  if (kept !== undefined) {
    if (kept.length > limits.maxBytes) throw tooLarge(limits)
    return kept
  }
  const consumed = consumedBy(request)
  if (consumed !== undefined) throw new TypeError(`${consumed}, so the signature cannot be checked: ${REMEDY}`)
  const declared = Number(request.headers['content-length'])
  if (declared > limits.maxBytes) throw tooLarge(limits)
  return readStream(request, limits)
}

const REMEDY =
  'register the webhook route before app.use(express.json()) and any other body parser; the ' +
  'receiver reads the body itself, or takes the Buffer that express.raw() leaves in req.body'

/**
 * What already read the body, in words, or `undefined` while the stream still holds it. A
 * parser that skips a request (body-parser 1.x sets `req.body = {}` for content types it does
 * not take) leaves the stream unread, and then the receiver reads it itself.
 */
function consumedBy(request: ReceivedRequest): string | undefined {
  if (typeof request.body === 'string') return 'req.body is a string: a text parser decoded the bytes the signature covers'
  const parsed = (request as { _body?: unknown })._body === true
  if (!request.readableEnded && !parsed) return undefined
  if (request.body !== undefined && request.body !== null) {
    return `a body parser already read and parsed the body (req.body is ${kindOf(request.body)}, not the raw bytes)`
  }
  return 'the body was already read before the handler, and its bytes were not kept in req.body or req.rawBody'
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'an array'
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}

function readStream(request: IncomingMessage, limits: BodyLimits): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const finish = (error: Error | undefined) => {
      clearTimeout(timer)
      request.off('data', onData).off('end', onEnd).off('error', finish).off('close', onClose)
      if (error === undefined) return resolve(Buffer.concat(chunks))
      // Stop taking in a body that will not be used; the answer closes the connection.
      request.pause()
      reject(error)
    }
    const onData = (chunk: Buffer | string) => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
      size += bytes.length
      if (size > limits.maxBytes) return finish(tooLarge(limits))
      chunks.push(bytes)
    }
    const onEnd = () => finish(undefined)
    const onClose = () => finish(new Error('the sender closed the connection before the body ended'))
    // One deadline for the whole body, so a sender trickling a byte at a time cannot hold a
    // request open; the option's range keeps it within setTimeout's limit.
    const timer = setTimeout(() => finish(new BodyTimeoutError(`the body did not arrive within ${limits.timeoutMs} ms`)), limits.timeoutMs)
    request.on('data', onData).once('end', onEnd).once('error', finish).once('close', onClose)
  })
}

function tooLarge(limits: BodyLimits): BodyTooLargeError {
  return new BodyTooLargeError(`body over ${limits.maxBytes} bytes`)
}
