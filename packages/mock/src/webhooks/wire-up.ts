import type { MockState } from '../domain/state.js'
import { WebhookDeliverer } from './deliverer.js'
import { DEFAULT_WEBHOOK_RETRY_SCHEDULE, DEFAULT_WEBHOOK_TIMEOUT_MS, type MockWebhookOptions } from './types.js'

/**
 * Creates the mock's deliverer from its options and subscribes it to the state's events, so
 * every event the mock fires is sent to the endpoints that want it.
 */
export function deliverStateEvents(
  state: MockState,
  options: MockWebhookOptions & { clock?: (() => Date) | undefined; generateId: () => string },
): WebhookDeliverer {
  const deliverer = new WebhookDeliverer({
    clock: options.clock ?? (() => new Date()),
    generateId: options.generateId,
    retrySchedule: [...(options.webhookRetrySchedule ?? DEFAULT_WEBHOOK_RETRY_SCHEDULE)],
    timeoutMs: options.webhookTimeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS,
    fetch: options.webhookFetch,
    // An injected clock means a test steers time, so retries wait for `deliverDue()`.
    realTimers: options.clock === undefined,
  })
  for (const endpoint of options.webhooks ?? []) deliverer.addEndpoint(endpoint)
  state.onEvent((event) => deliverer.enqueue(event))
  return deliverer
}
