import type { IncomingMessage } from 'node:http'

/** The request body was larger than the endpoint accepts. */
export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError'
}

/** A request as `node:http`, Express or a body parser may have left it. */
export type SlackRequest = IncomingMessage & { body?: unknown; rawBody?: unknown }

/**
 * The body exactly as Slack sent it: the signature covers these bytes, so a body parsed and
 * re-encoded cannot be checked. Takes what a body parser kept (`rawBody`, or `body` when it
 * is still a Buffer or a string), otherwise reads the stream, refusing more than `limit` bytes.
 */
export async function readRawBody(request: SlackRequest, limit: number): Promise<Buffer> {
  const kept = [request.rawBody, request.body].find((value) => Buffer.isBuffer(value) || typeof value === 'string')
  if (kept !== undefined) {
    const bytes = Buffer.isBuffer(kept) ? kept : Buffer.from(String(kept))
    if (bytes.length > limit) throw new BodyTooLargeError(`body over ${limit} bytes`)
    return bytes
  }
  if (request.readableEnded || request.body !== undefined) {
    throw new TypeError(
      'the request body was already parsed, so its Slack signature cannot be checked: mount the ' +
        "interaction handler before express.urlencoded(), or use express.raw({ type: 'application/x-www-form-urlencoded' }) on its route",
    )
  }
  if (Number(request.headers['content-length']) > limit) throw new BodyTooLargeError(`body over ${limit} bytes`)
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk))
    size += bytes.length
    if (size > limit) throw new BodyTooLargeError(`body over ${limit} bytes`)
    chunks.push(bytes)
  }
  return Buffer.concat(chunks)
}
