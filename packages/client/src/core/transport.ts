import type { StandardSchemaV1 } from '@standard-schema/spec'
import { resolveOptions, type ClientOptions, type ResolvedOptions } from './options.js'
import { Redactor } from './redact.js'
import { checkRequestOptions, type RequestOptions } from './request-options.js'
import { isAbort, send, type Request, type Sent } from './send.js'

/** What a call asks of the transport: a {@link Request} without the parts its options set. */
export type TransportRequest<S extends StandardSchemaV1> = Omit<Request<S>, 'headers' | 'signal' | 'timeout' | 'maxRetries'>

/**
 * A connection to the PromptRails API: the client's options, checked once, shared by every
 * call made over it. Pass one to the call functions ({@link listApprovals},
 * {@link decideApproval}, …) when a page needs only a few calls: a bundle then carries those
 * calls and nothing else. `new Signoff()` builds one for its resources.
 *
 * The API key lives in private state: it never shows in `console.log(transport)`,
 * `JSON.stringify(transport)` or an error.
 *
 * @example
 * ```ts
 * import { Transport, decideApproval, listApprovals } from '@signoff/client'
 *
 * const api = new Transport({ baseUrl: 'https://my-backend.example/promptrails' })
 * const { data } = await listApprovals(api, { status: 'pending' })
 * ```
 */
export class Transport {
  /** Shown by `String(transport)` and debuggers. */
  readonly [Symbol.toStringTag] = 'Transport'
  readonly #options: ResolvedOptions
  readonly #redactor: Redactor

  /**
   * Checks the options at once: a wrong option throws an `InvalidRequestError` naming it, and
   * no request is ever sent with it.
   */
  constructor(options: ClientOptions = {}) {
    this.#options = resolveOptions(options)
    this.#redactor = new Redactor(this.#options.secrets)
  }

  /**
   * @internal Sends one request with a call's options (checked first) and returns the
   * validated body; a POST carries an `Idempotency-Key`. Every error has its secrets blanked.
   */
  async request<S extends StandardSchemaV1>(
    method: 'get' | 'post',
    request: TransportRequest<S>,
    options: RequestOptions,
  ): Promise<Sent<StandardSchemaV1.InferOutput<S>>> {
    try {
      checkRequestOptions(request.operation, options)
      return await send(this.#options, method, {
        ...request,
        headers: this.#headers(method, options),
        signal: options.signal,
        timeout: options.timeout,
        maxRetries: options.maxRetries,
      })
    } catch (error) {
      throw this.redact(error)
    }
  }

  /** @internal Blanks every secret this transport holds from an error; aborts pass as they are. */
  redact(error: unknown): unknown {
    return error instanceof Error && !isAbort(error) ? this.#redactor.scrub(error) : error
  }

  // The client's headers as they are when the call adds none (the common case), else a copy.
  #headers(method: 'get' | 'post', options: RequestOptions): Record<string, string> | Headers {
    if (method === 'get' && options.headers === undefined) return this.#options.headers
    const headers = new Headers(this.#options.headers)
    for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value)
    if (method === 'post') headers.set('idempotency-key', options.idempotencyKey ?? crypto.randomUUID())
    return headers
  }
}
