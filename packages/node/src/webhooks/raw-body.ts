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
  if (request.readableEnded || typeof request.body === 'string') {
    throw new TypeError(
      'the request body was already parsed, so its signature cannot be checked: mount the handler ' +
        "before express.json(), or use express.raw({ type: 'application/json' }) for its route",
    )
  }
  const declared = Number(request.headers['content-length'])
  if (declared > limits.maxBytes) throw tooLarge(limits)
  return readStream(request, limits)
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
