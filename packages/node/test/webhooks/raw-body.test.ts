// readRawBody, exported for other receivers of signed requests (the Slack endpoint is one): the
// bytes exactly as sent, bounded in size and time, over a real node:http server.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, expect, it } from 'vitest'
import { BodyTooLargeError, readRawBody, type RawBodyOptions, type ReceivedRequest } from '../../src/index.js'

const servers: ReturnType<typeof createServer>[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))))
})

/** Serves `prepare` then readRawBody; answers the body's bytes as hex, or the error's name and message. */
async function serve(options: RawBodyOptions, prepare: (request: ReceivedRequest) => Promise<void> | void = () => undefined): Promise<string> {
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    void (async () => {
      try {
        await prepare(request)
        const body = await readRawBody(request, options)
        response.end(`ok ${Buffer.from(body).toString('hex')}`)
      } catch (error) {
        response.end(`${(error as Error).name}: ${(error as Error).message}`)
      }
    })()
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
}

const post = async (url: string, body: string | Uint8Array<ArrayBuffer>) => (await fetch(url, { method: 'POST', body })).text()
const limits = { maxBytes: 16, timeoutMs: 5_000 }

it('reads the stream byte for byte, and refuses a body over maxBytes with a BodyTooLargeError', async () => {
  const url = await serve(limits)
  const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d, 0xff, 0x00])
  expect(await post(url, bytes)).toBe(`ok ${Buffer.from(bytes).toString('hex')}`)
  expect(await post(url, 'x'.repeat(17))).toBe(`${new BodyTooLargeError('').name}: body over 16 bytes`)
})

it('takes the bytes a parser kept; a string only with acceptText, and a consumed body is explained with the remedy given', async () => {
  const readAll = async (request: IncomingMessage) => {
    const chunks: Buffer[] = []
    for await (const chunk of request) chunks.push(chunk as Buffer)
    return Buffer.concat(chunks)
  }
  const asText = async (request: ReceivedRequest) => void (request.body = (await readAll(request)).toString('utf8'))
  expect(await post(await serve(limits, async (request) => void (request.rawBody = await readAll(request))), 'a=1')).toBe('ok 613d31')
  expect(await post(await serve({ ...limits, acceptText: true }, asText), 'a=1')).toBe('ok 613d31')
  expect(await post(await serve(limits, asText), 'a=1')).toMatch(/^TypeError: req\.body is a string: a text parser decoded the bytes/)
  const parsed = async (request: ReceivedRequest) => void (request.body = Object.fromEntries(new URLSearchParams((await readAll(request)).toString())))
  const remedy = 'mount this handler before express.urlencoded()'
  expect(await post(await serve({ ...limits, remedy }, parsed), 'a=1')).toBe(
    `TypeError: a body parser already read and parsed the body (req.body is an object, not the raw bytes), so the signature cannot be checked: ${remedy}`,
  )
})
