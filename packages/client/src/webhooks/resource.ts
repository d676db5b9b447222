import type { WebhookEvent } from '@signoff/schemas'
import { InvalidRequestError } from '../core/errors/invalid-request-error.js'
import type { PayloadOf, PayloadSchema } from '../core/payload.js'
import type { WebhookBody } from './body.js'
import type { WebhookHeaders } from './headers.js'
import type { UnwrapOptions, VerifyOptions } from './options.js'
import { decodeSecrets } from './secret.js'
import { buildVerifier, type WebhookVerifier } from './verifier.js'

/** Options of `client.webhooks` calls: the secret may come from the client's `webhookSecret`. */
export type ClientVerifyOptions = Partial<VerifyOptions>

/** Options of `client.webhooks.unwrap`. */
export type ClientUnwrapOptions<S extends PayloadSchema | undefined> = Partial<UnwrapOptions<S>>

/** Verifies and parses incoming webhook messages. Reached as `client.webhooks`. */
export class Webhooks {
  readonly #secret: string | undefined
  // For calls that pass no options, the common case: its key is imported once.
  readonly #verifier: WebhookVerifier | undefined

  /**
   * @internal
   * @throws InvalidRequestError when the client's `webhookSecret` is malformed, so a bad
   * secret is found when the client is made, not when the first message arrives.
   */
  constructor(secret: string | undefined) {
    if (secret !== undefined) {
      const { issues } = decodeSecrets(secret, 'webhookSecret')
      if (issues.length > 0) throw new InvalidRequestError('new Signoff', issues)
    }
    this.#secret = secret
    this.#verifier = secret === undefined ? undefined : buildVerifier({ secret }, 'webhooks')
  }

  /** Checks a message's signature and timestamp; resolves with the raw body text when authentic. */
  async verify(body: WebhookBody, headers: WebhookHeaders, options: ClientVerifyOptions = {}): Promise<string> {
    return this.#verifierFor('webhooks.verify', options).verify(body, headers)
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
    return this.#verifierFor('webhooks.unwrap', options).unwrap(body, headers)
  }

  #verifierFor<S extends PayloadSchema | undefined>(method: string, options: ClientUnwrapOptions<S>): WebhookVerifier<S> {
    const secret = options.secret ?? this.#secret
    if (secret === undefined) {
      throw new InvalidRequestError(method, [
        { path: ['secret'], message: 'no webhook secret: pass { secret } or create the client with webhookSecret' },
      ])
    }
    const noOptions = Object.values(options).every((value) => value === undefined)
    // Without a payload schema, events are `unknown`-typed: the shared verifier fits any S.
    if (noOptions && this.#verifier) return this.#verifier as WebhookVerifier<S>
    return buildVerifier({ ...options, secret }, method)
  }
}
