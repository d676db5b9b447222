import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createMockApi } from '../src/index.js'
import { SECRET, decide, manualClock, recordingFetch, runGated } from './webhooks-helpers.js'

const URL_A = 'http://127.0.0.1:9/a'
const URL_B = 'http://127.0.0.1:9/b'

describe('mock webhook retries, driven by the clock', () => {
  it('retries a failed message when its backoff is due, with the same id and body, signed afresh', async () => {
    const time = manualClock()
    const receiver = recordingFetch((_, index) => (index === 0 ? 500 : 204))
    const mock = createMockApi({ clock: time.clock, webhookFetch: receiver.fetch, webhooks: [{ url: URL_A, secret: SECRET }] })
    await runGated(mock)
    await mock.idle()

    const [failed] = mock.store.deliveries
    expect(failed).toMatchObject({ url: URL_A, type: 'execution.awaiting_approval', delivered: false, attempts: [{ status: 500 }] })
    expect(failed?.nextAttemptAt).toBe(new Date(time.clock().getTime() + 1_000).toISOString())

    time.advance(999)
    expect(await mock.deliverDue()).toBe(0)
    time.advance(1)
    expect(await mock.deliverDue()).toBe(1)

    const [first, retry] = receiver.received
    expect(retry?.headers['webhook-id']).toBe(first?.headers['webhook-id'])
    expect(retry?.body).toBe(first?.body)
    expect(Number(retry?.headers['webhook-timestamp'])).toBe(Number(first?.headers['webhook-timestamp']) + 1)
    expect(retry?.headers['webhook-signature']).not.toBe(first?.headers['webhook-signature'])
    expect(mock.store.deliveries[0]).toMatchObject({ id: first?.headers['webhook-id'], delivered: true, nextAttemptAt: null })
    expect(mock.store.deliveries[0]?.attempts.map((attempt) => ('status' in attempt ? attempt.status : attempt.error))).toEqual([500, 204])
  })

  it('follows the schedule, then gives up; a thrown connection error counts as a failed attempt', async () => {
    const time = manualClock()
    const receiver = recordingFetch((_, index) => (index === 0 ? new TypeError('fetch failed: ECONNREFUSED') : 503))
    const mock = createMockApi({
      clock: time.clock,
      webhookFetch: receiver.fetch,
      webhookRetrySchedule: [1_000, 5_000],
      webhooks: [{ url: URL_A, secret: SECRET }],
    })
    const start = time.clock().getTime()
    await runGated(mock)
    await mock.idle()
    time.advance(1_000)
    expect(await mock.deliverDue()).toBe(1)
    time.advance(4_999)
    expect(await mock.deliverDue()).toBe(0)
    time.advance(1)
    expect(await mock.deliverDue()).toBe(1)
    time.advance(3_600_000)
    expect(await mock.deliverDue()).toBe(0)

    const [delivery] = mock.store.deliveries
    expect(delivery?.delivered).toBe(false)
    expect(delivery?.nextAttemptAt).toBeNull()
    expect(delivery?.attempts).toMatchObject([{ error: 'fetch failed: ECONNREFUSED' }, { status: 503 }, { status: 503 }])
    expect(delivery?.attempts.map((attempt) => Date.parse(attempt.at) - start)).toEqual([0, 1_000, 6_000])
  })

  it('sends each endpoint its own message, only of the events it asked for, and stops once removed', async () => {
    const time = manualClock()
    const receiver = recordingFetch((received) => (received.url === URL_B ? 500 : 200))
    const mock = createMockApi({ clock: time.clock, webhookFetch: receiver.fetch, webhooks: [{ url: URL_A, secret: SECRET }] })
    const decidedOnly = mock.store.addWebhookEndpoint({ url: URL_B, secret: SECRET, events: ['approval.decided'] })
    await decide(mock, await runGated(mock), 'rejected')
    await mock.idle()

    const byUrl = (url: string) => mock.store.deliveries.filter((delivery) => delivery.url === url)
    expect(byUrl(URL_A).map((delivery) => [delivery.type, delivery.delivered])).toEqual([
      ['execution.awaiting_approval', true],
      ['approval.decided', true],
    ])
    expect(byUrl(URL_B)).toMatchObject([{ endpointId: decidedOnly, type: 'approval.decided', delivered: false }])
    expect(new Set(mock.store.deliveries.map((delivery) => delivery.id)).size).toBe(3)

    expect(mock.store.removeWebhookEndpoint(decidedOnly)).toBe(true)
    expect(mock.store.removeWebhookEndpoint(decidedOnly)).toBe(false)
    expect(byUrl(URL_B)[0]?.nextAttemptAt).toBeNull()
    time.advance(60_000)
    expect(await mock.deliverDue()).toBe(0)
    await decide(mock, await runGated(mock))
    await mock.idle()
    expect(byUrl(URL_B)).toHaveLength(1)
    expect(byUrl(URL_A)).toHaveLength(4)
  })

  it('delivers approval.expired (our extension) when an approval runs out', async () => {
    const time = manualClock()
    const receiver = recordingFetch()
    const mock = createMockApi({ clock: time.clock, webhookFetch: receiver.fetch, webhooks: [{ url: URL_A, secret: SECRET }] })
    const approvalId = await runGated(mock, { approval_expires_in_seconds: 60 })
    time.advance(60_000)
    expect(mock.store.getApproval(approvalId)?.status).toBe('expired')
    await mock.idle()
    expect(receiver.received.map((request) => JSON.parse(request.body).type)).toEqual(['execution.awaiting_approval', 'approval.expired'])
  })

  it('hands out the delivery log as a copy', async () => {
    const mock = createMockApi({ webhookFetch: recordingFetch().fetch, webhooks: [{ url: URL_A, secret: SECRET }] })
    await runGated(mock)
    await mock.idle()
    const [copy] = mock.store.deliveries
    if (copy === undefined) throw new Error('nothing was delivered')
    copy.delivered = false
    copy.attempts.length = 0
    expect(mock.store.deliveries[0]).toMatchObject({ delivered: true, attempts: [{ status: 200 }] })
  })
})

describe('mock webhook deliveries over real HTTP', () => {
  const servers: Server[] = []
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))))
  })

  async function listen(server: Server): Promise<string> {
    servers.push(server)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`
  }

  it('records a refused connection and a timeout as failed attempts', async () => {
    const closed = createServer()
    const refusedUrl = await listen(closed)
    await new Promise((resolve) => closed.close(resolve))
    const silent = createServer(() => undefined) // takes the request, never answers
    const silentUrl = await listen(silent)
    const mock = createMockApi({ clock: manualClock().clock, webhookTimeoutMs: 50 })
    mock.store.addWebhookEndpoint({ url: refusedUrl, secret: SECRET })
    mock.store.addWebhookEndpoint({ url: silentUrl, secret: SECRET })
    await runGated(mock)
    await mock.idle()
    silent.closeAllConnections()

    const error = (url: string) => {
      const attempt = mock.store.deliveries.find((delivery) => delivery.url === url)?.attempts[0]
      return attempt && 'error' in attempt ? attempt.error : undefined
    }
    expect(error(refusedUrl)).toMatch(/ECONNREFUSED/)
    expect(error(silentUrl)).toBe('timeout after 50 ms')
    expect(mock.store.deliveries.every((delivery) => delivery.nextAttemptAt !== null)).toBe(true)
  })

  it('with the default clock, retries on real timers by itself', async () => {
    let calls = 0
    let delivered: () => void = () => undefined
    const done = new Promise<void>((resolve) => (delivered = resolve))
    const url = await listen(createServer((request, response) => {
      calls += 1
      response.writeHead(calls === 1 ? 503 : 200).end()
      if (calls === 2) delivered()
    }))
    const mock = createMockApi({ webhookRetrySchedule: [20], webhooks: [{ url, secret: SECRET }] })
    await runGated(mock)
    await done
    await mock.idle()
    expect(mock.store.deliveries[0]?.attempts.map((attempt) => ('status' in attempt ? attempt.status : attempt.error))).toEqual([503, 200])
    expect(mock.store.deliveries[0]?.delivered).toBe(true)
  })
})
