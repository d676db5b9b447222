import type { MockEvent, MockEventType } from '../domain/events.js'
import { sendAttempt, type AttemptOutcome } from './send.js'
import { importSigningKeys, secretBytes } from './signing.js'
import type { MockDelivery, MockWebhookEndpoint } from './types.js'

/** What the deliverer needs from the mock around it. */
export interface DelivererEnvironment {
  clock: () => Date
  generateId: () => string
  retrySchedule: readonly number[]
  timeoutMs: number
  /** Absent: the global `fetch`, looked up at each attempt so MSW's interception applies. */
  fetch: ((request: Request) => Promise<Response>) | undefined
  /** Whether retries run by themselves on real timers (the clock is the real one). */
  realTimers: boolean
}

interface Endpoint {
  id: string
  url: string
  events: ReadonlySet<MockEventType> | undefined
  keys: Promise<CryptoKey[]>
  removed: boolean
}

interface Message {
  delivery: MockDelivery
  endpoint: Endpoint
  body: string
  /** When the next retry is due (clock milliseconds); undefined when none is waiting. */
  dueAt: number | undefined
}

/**
 * Sends every event to every endpoint that wants it, and retries failed messages on the retry
 * schedule. Time comes from the mock's clock, so a test moves the clock and calls
 * {@link WebhookDeliverer.deliverDue} instead of waiting.
 */
export class WebhookDeliverer {
  readonly #env: DelivererEnvironment
  readonly #endpoints = new Map<string, Endpoint>()
  readonly #messages: Message[] = []
  readonly #inFlight = new Set<Promise<void>>()

  constructor(env: DelivererEnvironment) {
    this.#env = env
  }

  /** Adds an endpoint after checking its URL and secrets; returns its id. */
  addEndpoint(endpoint: MockWebhookEndpoint): string {
    const url = new URL(endpoint.url)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError('webhook endpoint url must be http: or https:')
    const secrets = typeof endpoint.secret === 'string' ? [endpoint.secret] : [...endpoint.secret]
    if (secrets.length === 0) throw new TypeError('webhook endpoint needs at least one secret')
    // Checked now, synchronously, so a bad secret fails where it is given, not at the first event.
    for (const secret of secrets) secretBytes(secret)
    const keys = importSigningKeys(secrets)
    keys.catch(() => undefined) // awaited (and reported) at the first attempt, never left unhandled
    const id = `ep_${this.#env.generateId()}`
    this.#endpoints.set(id, { id, url: endpoint.url, events: endpoint.events && new Set(endpoint.events), keys, removed: false })
    return id
  }

  /** Removes an endpoint: nothing more is sent to it, retries included. */
  removeEndpoint(id: string): boolean {
    const endpoint = this.#endpoints.get(id)
    if (endpoint === undefined) return false
    endpoint.removed = true
    this.#endpoints.delete(id)
    for (const message of this.#messages) {
      if (message.endpoint === endpoint) this.#setDue(message, undefined)
    }
    return true
  }

  /** The delivery log, oldest message first, as copies. */
  get deliveries(): MockDelivery[] {
    return structuredClone(this.#messages.map((message) => message.delivery))
  }

  /** Queues an event for every endpoint that wants it and sends the first attempts at once. */
  enqueue(event: MockEvent): void {
    if (this.#endpoints.size === 0) return
    const body = JSON.stringify(event)
    for (const endpoint of this.#endpoints.values()) {
      if (endpoint.events !== undefined && !endpoint.events.has(event.type)) continue
      const delivery: MockDelivery = {
        id: `msg_${this.#env.generateId()}`,
        endpointId: endpoint.id,
        url: endpoint.url,
        type: event.type,
        attempts: [],
        delivered: false,
        nextAttemptAt: null,
      }
      const message: Message = { delivery, endpoint, body, dueAt: undefined }
      this.#messages.push(message)
      void this.#start(message)
    }
  }

  /** Sends every message whose retry is due by the clock; resolves with how many, once they finished. */
  async deliverDue(): Promise<number> {
    const now = this.#env.clock().getTime()
    const due = this.#messages.filter((message) => message.dueAt !== undefined && message.dueAt <= now)
    await Promise.all(due.map((message) => this.#start(message)))
    return due.length
  }

  /** Resolves once no attempt is under way (retries scheduled for later are not waited for). */
  async idle(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight])
  }

  #start(message: Message): Promise<void> {
    this.#setDue(message, undefined)
    const running: Promise<void> = this.#attempt(message).finally(() => this.#inFlight.delete(running))
    this.#inFlight.add(running)
    return running
  }

  async #attempt(message: Message): Promise<void> {
    const at = this.#env.clock()
    const started = performance.now()
    let outcome: AttemptOutcome
    try {
      outcome = await sendAttempt({
        url: message.endpoint.url,
        id: message.delivery.id,
        body: message.body,
        keys: await message.endpoint.keys,
        timestamp: Math.floor(at.getTime() / 1000),
        timeoutMs: this.#env.timeoutMs,
        fetch: this.#env.fetch ?? ((request) => fetch(request)),
      })
    } catch (error) {
      outcome = { error: error instanceof Error ? error.message : String(error) }
    }
    message.delivery.attempts.push({ at: at.toISOString(), durationMs: Math.round(performance.now() - started), ...outcome })
    if ('status' in outcome && outcome.status >= 200 && outcome.status < 300) {
      message.delivery.delivered = true
      return
    }
    this.#scheduleRetry(message)
  }

  #scheduleRetry(message: Message): void {
    const delay = this.#env.retrySchedule[message.delivery.attempts.length - 1]
    if (delay === undefined || message.endpoint.removed) return
    const dueAt = this.#env.clock().getTime() + delay
    this.#setDue(message, dueAt)
    if (!this.#env.realTimers) return
    // The timer sends this one message rather than "whatever is due": a timer may fire a
    // millisecond before the wall clock agrees the retry is due.
    const timer: unknown = setTimeout(() => {
      if (message.dueAt === dueAt) void this.#start(message)
    }, delay)
    // A mock must never keep a Node process alive just to retry a delivery.
    if (typeof timer === 'object' && timer !== null && 'unref' in timer && typeof timer.unref === 'function') timer.unref()
  }

  #setDue(message: Message, dueAt: number | undefined): void {
    message.dueAt = dueAt
    message.delivery.nextAttemptAt = dueAt === undefined ? null : new Date(dueAt).toISOString()
  }
}
