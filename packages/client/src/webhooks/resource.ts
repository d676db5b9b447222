import type { WebhookEvent } from '@signoff/schemas'
import { InvalidRequestError } from '../core/errors/invalid-request-error.js'
import type { PayloadOf, PayloadSchema } from '../core/payload.js'
import type { WebhookHeaders } from './headers.js'
import { unwrapWebhook, verifyWebhook, type UnwrapOptions, type VerifyOptions, type WebhookBody } from './verify.js'

/** Options of `client.webhooks` calls: the secret may come from the client's `webhookSecret`. */
export type ClientVerifyOptions = Partial<VerifyOptions>

/** Options of `client.webhooks.unwrap`. */
export type ClientUnwrapOptions<S extends PayloadSchema | undefined> = Partial<UnwrapOptions<S>>

/** Verifies and parses incoming webhook messages. Reached as `client.webhooks`. */
export class Webhooks {
  readonly #secret: string | undefined

  /** @internal */
  constructor(secret: string | undefined) {
    this.#secret = secret
  }

  /** Checks a message's signature and timestamp; resolves with the raw body text when authentic. */
  async verify(body: WebhookBody, headers: WebhookHeaders, options: ClientVerifyOptions = {}): Promise<string> {
    return verifyWebhook(body, headers, { ...options, secret: this.#secretFor('webhooks.verify', options) })
  }

  /**
   * Verifies a message and returns its typed event.
   *
   * @example
   * ```ts
   * const event = await client.webhooks.unwrap(rawBody, request.headers)
   * if (event.type === 'execution.awaiting_approval') notifyReviewers(event.data.approval)
   * ```
   */
  async unwrap<S extends PayloadSchema | undefined = undefined>(
    body: WebhookBody,
    headers: WebhookHeaders,
    options: ClientUnwrapOptions<S> = {},
  ): Promise<WebhookEvent<PayloadOf<S>>> {
    return unwrapWebhook(body, headers, { ...options, secret: this.#secretFor('webhooks.unwrap', options) })
  }

  #secretFor(method: string, options: ClientVerifyOptions): string | readonly string[] {
    const secret = options.secret ?? this.#secret
    if (secret === undefined) {
      throw new InvalidRequestError(method, [
        { path: ['secret'], message: 'no webhook secret: pass { secret } or create the client with webhookSecret' },
      ])
    }
    return secret
  }
}
