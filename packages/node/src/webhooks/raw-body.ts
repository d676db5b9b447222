import type { IncomingMessage } from 'node:http'

/** The request body was larger than `maxBytes`: answer 413 and close the connection. */
export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError'
}

/** The request body did not arrive within `timeoutMs`: answer 408 and close the connection. */
export class BodyTimeoutError extends Error {
  override name = 'BodyTimeoutError'
}

/** A request as `node:http`, Express, Connect or a body parser may have left it. */
export type ReceivedRequest = IncomingMessage & { body?: unknown; rawBody?: unknown }

/** Bounds on reading a body, and how to explain one that cannot be read. */
export interface RawBodyOptions {
  /** The most bytes accepted; a larger body is a {@link BodyTooLargeError}. */
  maxBytes: number
  /**
   * Milliseconds for the whole body, from when reading starts; a body still arriving then is a
   * {@link BodyTimeoutError}. At most 2^31-1 (what one timer can wait).
   */
  timeoutMs: number
  /**
   * Whether a string that a text parser left in `rawBody` or `body` is taken, as its UTF-8
   * bytes. Right only for bodies that are ASCII by their format (`application/x-www-form-urlencoded`,
   * as Slack sends); a decoded JSON body may not encode back to the bytes that were signed.
   * @defaultValue `false`: a string body is refused with a TypeError that says why
   */
  acceptText?: boolean | undefined
  /**
   * How to fix a body that a parser consumed, ending the TypeError's message.
   * @defaultValue advice for a webhook route under Express (mount it before `express.json()`, or use `express.raw()`)
   */
  remedy?: string | undefined
}

/**
 * The raw body of a request, exactly as sent: signatures cover bytes, so a body parsed and
 * re-serialised can never be verified. Uses what a raw body parser kept (`rawBody`, or `body`
 * when it is a Buffer), otherwise reads the stream, stopping at the limits. One deadline
 * covers the whole body, so a sender trickling a byte at a time cannot hold a request open.
 *
 * @throws BodyTooLargeError past `maxBytes` (a declared `content-length` is checked first).
 * @throws BodyTimeoutError past `timeoutMs`.
 * @throws TypeError when a body parser already consumed the body; the message says which
 * parser left what, and how to fix it (`remedy`).
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http'
 * import { BodyTooLargeError, readRawBody } from '@signoff/node'
 *
 * createServer(async (request, response) => {
 *   try {
 *     const body = await readRawBody(request, { maxBytes: 1024 * 1024, timeoutMs: 10_000 })
 *     // … check the signature over `body`, then parse it
 *     response.end()
 *   } catch (error) {
 *     response.writeHead(error instanceof BodyTooLargeError ? 413 : 400, { connection: 'close' }).end()
 *   }
 * })
 * ```
 */
export async function readRawBody(request: ReceivedRequest, options: RawBodyOptions): Promise<Uint8Array> {
  const takesText = options.acceptText === true
  const isKept = (value: unknown): value is Uint8Array | string => value instanceof Uint8Array || (takesText && typeof value === 'string')
  const kept = [request.rawBody, request.body].find(isKept)
  if (kept !== undefined) {
    const bytes = typeof kept === 'string' ? Buffer.from(kept, 'utf8') : kept
    if (bytes.length > options.maxBytes) throw tooLarge(options)
    return bytes
  }
  const consumed = consumedBy(request)
  if (consumed !== undefined) throw new TypeError(`${consumed}, so the signature cannot be checked: ${options.remedy ?? REMEDY}`)
  const declared = Number(request.headers['content-length'])
  if (declared > options.maxBytes) throw tooLarge(options)
  return readStream(request, options)
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

function readStream(request: IncomingMessage, limits: RawBodyOptions): Promise<Buffer> {
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

function tooLarge(limits: RawBodyOptions): BodyTooLargeError {
  return new BodyTooLargeError(`body over ${limits.maxBytes} bytes`)
}
