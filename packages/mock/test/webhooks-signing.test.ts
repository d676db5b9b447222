import { Webhook } from 'standardwebhooks'
import { describe, expect, it } from 'vitest'
import { createMockApi, type MockEvent } from '../src/index.js'
import { OTHER_SECRET, SECRET, decide, manualClock, recordingFetch, runGated } from './webhooks-helpers.js'

const THIRD_SECRET = 'whsec_dGhpcmQgc2VjcmV0IGZvciBhIHRlc3Qgb25seQ=='

describe('mock webhook deliveries, checked by the standardwebhooks package', () => {
  it('signs each event with one secret; the body is exactly the event fired', async () => {
    const { clock } = manualClock()
    const receiver = recordingFetch()
    const mock = createMockApi({ clock, webhookFetch: receiver.fetch, webhooks: [{ url: 'http://127.0.0.1:9/hooks', secret: SECRET }] })
    const fired: MockEvent[] = []
    mock.store.onEvent((event) => fired.push(event))
    await decide(mock, await runGated(mock))
    await mock.idle()

    expect(receiver.received).toHaveLength(2)
    for (const [index, request] of receiver.received.entries()) {
      expect(request.url).toBe('http://127.0.0.1:9/hooks')
      expect(request.headers['content-type']).toBe('application/json')
      expect(request.headers['webhook-id']).toMatch(/^msg_[0-9A-Za-z]+$/)
      expect(request.headers['webhook-timestamp']).toBe(String(Math.floor(clock().getTime() / 1000)))
      expect(request.body).toBe(JSON.stringify(fired[index]))
      expect(new Webhook(SECRET).verify(request.body, request.headers)).toEqual(fired[index])
    }
    expect(receiver.received.map((request) => JSON.parse(request.body).type)).toEqual(['execution.awaiting_approval', 'approval.decided'])
    expect(new Set(receiver.received.map((request) => request.headers['webhook-id'])).size).toBe(2)
  })

  it('signs once per secret during a rotation: either secret verifies, a third does not', async () => {
    const receiver = recordingFetch()
    const mock = createMockApi({ webhookFetch: receiver.fetch })
    mock.store.addWebhookEndpoint({ url: 'http://127.0.0.1:9/hooks', secret: [OTHER_SECRET, SECRET] })
    await runGated(mock)
    await mock.idle()

    const [request] = receiver.received
    if (request === undefined) throw new Error('nothing was delivered')
    expect(request.headers['webhook-signature']?.split(' ')).toHaveLength(2)
    expect(new Webhook(SECRET).verify(request.body, request.headers)).toMatchObject({ type: 'execution.awaiting_approval' })
    expect(new Webhook(OTHER_SECRET).verify(request.body, request.headers)).toMatchObject({ type: 'execution.awaiting_approval' })
    expect(() => new Webhook(THIRD_SECRET).verify(request.body, request.headers)).toThrow()
  })

  it('a tampered body or a stale timestamp no longer verifies', async () => {
    const receiver = recordingFetch()
    const mock = createMockApi({ webhookFetch: receiver.fetch, webhooks: [{ url: 'http://127.0.0.1:9/hooks', secret: SECRET }] })
    await runGated(mock)
    await mock.idle()
    const [request] = receiver.received
    if (request === undefined) throw new Error('nothing was delivered')
    const reference = new Webhook(SECRET)
    expect(() => reference.verify(request.body.replace('pending', 'approved'), request.headers)).toThrow()
    const stale = { ...request.headers, 'webhook-timestamp': String(Number(request.headers['webhook-timestamp']) - 600) }
    expect(() => reference.verify(request.body, stale)).toThrow()
  })

  it('rejects a malformed secret or URL when the endpoint is added, without repeating the secret', () => {
    const mock = createMockApi()
    const addMalformed = () => mock.store.addWebhookEndpoint({ url: 'http://127.0.0.1:9/', secret: 'whsec_not base64!' })
    expect(addMalformed).toThrow(TypeError)
    expect(addMalformed).not.toThrow(/not base64/)
    // Only the one spelling of a key that receivers accept: unpadded or respelled base64 is not.
    for (const secret of ['whsec_abc', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSx=', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLa-_']) {
      expect(() => mock.store.addWebhookEndpoint({ url: 'http://127.0.0.1:9/', secret })).toThrow(TypeError)
    }
    expect(() => mock.store.addWebhookEndpoint({ url: 'http://127.0.0.1:9/', secret: [] })).toThrow(TypeError)
    expect(() => mock.store.addWebhookEndpoint({ url: 'ftp://127.0.0.1/', secret: SECRET })).toThrow(TypeError)
  })
})
