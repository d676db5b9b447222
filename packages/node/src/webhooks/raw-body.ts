import type { IncomingMessage } from 'node:http'

/** The request body was larger than the receiver accepts. */
export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError'
}

/** A request as Express, Connect or a body parser may have left it. */
export type ReceivedRequest = IncomingMessage & { body?: unknown; rawBody?: unknown }

/**
 * The raw body, exactly as sent: signatures cover bytes, so a re-serialised JSON object can
 * never be verified. Uses what a body parser kept (`rawBody`, or `body` when it is a Buffer or
 * string), otherwise reads the stream, stopping at `limit` bytes.
 */
export async function readRawBody(request: ReceivedRequest, limit: number): Promise<Buffer> {
  const kept = [request.rawBody, request.body].find((value) => Buffer.isBuffer(value) || typeof value === 'string')
  if (kept !== undefined) {
    const bytes = Buffer.isBuffer(kept) ? kept : Buffer.from(kept as string)
    if (bytes.length > limit) throw new BodyTooLargeError(`body over ${limit} bytes`)
    return bytes
  }
  if (request.readableEnded || request.body !== undefined) {
    throw new TypeError(
      'the request body was already parsed, so its signature cannot be checked: mount the handler ' +
        "before express.json(), or use express.raw({ type: 'application/json' }) for its route",
    )
  }
  const declared = Number(request.headers['content-length'])
  if (declared > limit) throw new BodyTooLargeError(`body over ${limit} bytes`)
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string)
    size += bytes.length
    if (size > limit) throw new BodyTooLargeError(`body over ${limit} bytes`)
    chunks.push(bytes)
  }
  return Buffer.concat(chunks)
}
