import { describe, expect, it } from 'vitest'
import { createMockApi } from '../src/index.js'
import { SECRET, decide, manualClock, recordingFetch, runGated } from './webhooks-helpers.js'

describe('mock.webhooks', () => {
  it('adds and removes endpoints, logs deliveries and runs retries, the same as the older store methods', async () => {
    const { clock, advance } = manualClock()
    // The first attempt of every message fails, its retry succeeds.
    const receiver = recordingFetch((_received, index) => (index % 2 === 0 ? 503 : 200))
    const mock = createMockApi({ clock, webhookFetch: receiver.fetch, webhookRetrySchedule: [1_000] })
    const endpoint = mock.webhooks.add({ url: 'http://127.0.0.1:9/hooks', secret: SECRET, events: ['execution.awaiting_approval'] })
    await runGated(mock)
    await mock.webhooks.idle()
    expect(mock.webhooks.deliveries).toMatchObject([{ endpointId: endpoint, delivered: false, attempts: [{ status: 503 }] }])
    expect(mock.store.deliveries).toEqual(mock.webhooks.deliveries)
    advance(1_000)
    expect(await mock.webhooks.deliverDue()).toBe(1)
    expect(mock.webhooks.deliveries[0]).toMatchObject({ delivered: true, attempts: [{ status: 503 }, { status: 200 }] })

    expect(mock.webhooks.remove(endpoint)).toBe(true)
    expect(mock.store.removeWebhookEndpoint(endpoint)).toBe(false)
    await decide(mock, await runGated(mock))
    await mock.idle()
    expect(receiver.received).toHaveLength(2)
  })
})
