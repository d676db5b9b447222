import type { WebhookDeliverer } from './deliverer.js'
import type { MockDelivery, MockWebhookEndpoint } from './types.js'

/** Every webhook control of a mock, in one place (`mock.webhooks`). */
export interface MockWebhooks {
  /**
   * Sends every later event to a URL, signed with the endpoint's secret (or secrets), and
   * returns the endpoint's id. Throws a TypeError for a bad URL or secret (never repeating it).
   *
   * @example
   * ```ts
   * const endpointId = mock.webhooks.add({ url: 'http://127.0.0.1:3000/hooks', secret, events: ['approval.decided'] })
   * ```
   */
  add(endpoint: MockWebhookEndpoint): string
  /** Stops sending to an endpoint, pending retries included; `false` if there was no such endpoint. */
  remove(id: string): boolean
  /**
   * The delivery log: one entry per message to an endpoint, oldest first, with every attempt
   * (a copy). `store.reset()` keeps it, as it keeps the endpoints.
   */
  readonly deliveries: readonly MockDelivery[]
  /**
   * Sends every delivery whose retry is due by the mock's clock, and resolves with how many
   * once they finished. With an injected `clock`, this is what runs retries: move the clock,
   * then call it. With the default clock, retries also run by themselves.
   */
  deliverDue(): Promise<number>
  /** Resolves once no delivery is under way (retries scheduled for later are not awaited). */
  idle(): Promise<void>
}

/** The public face of the mock's deliverer. */
export function webhookControl(deliverer: WebhookDeliverer): MockWebhooks {
  return {
    add: (endpoint) => deliverer.addEndpoint(endpoint),
    remove: (id) => deliverer.removeEndpoint(id),
    get deliveries() {
      return deliverer.deliveries
    },
    deliverDue: () => deliverer.deliverDue(),
    idle: () => deliverer.idle(),
  }
}
