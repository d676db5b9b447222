// Reading the body: a stalled one is timed out; what body parsers left behind is used or explained.
import { connect } from 'node:net'
import { describe, expect, it } from 'vitest'
import { createWebhookHandler } from '../../src/index.js'
import { SECRET, event, headers, serve } from './fixture.js'

/** Sends a request's head and the first part of its body over a raw socket, then stalls. */
function stall(url: string, body: string, signed: Record<string, string>): Promise<{ answer: string; closed: boolean }> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname)
    let answer = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => (answer += chunk))
    socket.on('error', reject)
    socket.on('close', () => resolve({ answer, closed: true }))
    const head = Object.entries({ ...signed, host: `${hostname}:${port}`, 'content-length': String(Buffer.byteLength(body)) })
      .map(([name, value]) => `${name}: ${value}`)
      .join('\r\n')
    socket.write(`POST / HTTP/1.1\r\n${head}\r\n\r\n${body.slice(0, 10)}`)
  })
}

describe('a body that stops arriving', () => {
  it('is answered 408 after bodyTimeoutMs, and the connection closed, without running the handler', async () => {
    let calls = 0
    const errors: unknown[] = []
    const url = await serve(createWebhookHandler({
      secret: SECRET,
      bodyTimeoutMs: 200,
      on: { 'execution.awaiting_approval': () => { calls += 1 } },
      onError: (error) => errors.push(error),
    }))
    const body = event()
    const { answer, closed } = await stall(url, body, headers(body, 'msg_stalled'))
    expect(answer).toMatch(/^HTTP\/1\.1 408 /)
    expect(closed).toBe(true)
    expect(calls).toBe(0)
    expect(String(errors[0])).toMatch(/body did not arrive within 200 ms/)
  })
})
