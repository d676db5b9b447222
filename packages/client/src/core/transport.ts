import type { StandardSchemaV1 } from '@standard-schema/spec'
import { InvalidRequestError } from './errors/invalid-request-error.js'
import { resolveOptions, type ClientOptions, type ResolvedOptions } from './options.js'
import { Redactor } from './redact.js'
import { checkRequestOptions, type RequestOptions } from './request-options.js'
import { isAbort, send, type ApiRequest, type Sent } from './send.js'

/** What a call asks of the transport: an {@link ApiRequest} without the parts its options set. */
export type TransportRequest<S extends StandardSchemaV1> = Omit<ApiRequest<S>, 'headers' | 'signal' | 'timeout' | 'maxRetries'>

/**
 * A connection to the PromptRails API: the client's options, checked once, shared by every
 * call made over it. Pass one to the call functions ({@link listApprovals},
 * {@link decideApproval}, …) when a page needs only a few calls: a bundle then carries those
 * calls and nothing else. `new Signoff()` builds one for its resources.
 *
 * The API key is held out of the object: it never shows in `console.log(transport)`,
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
  // Declared only, so nothing exists at run time: a private member makes the type nominal, so
  // only a real Transport (not any object of the same shape, not a Signoff) is accepted.
  private declare readonly nominal: never

  /**
   * Checks the options at once: a wrong option throws an `InvalidRequestError` naming it, and
   * no request is ever sent with it.
   */
  constructor(options: ClientOptions = {}) {
    // A transport made by another copy of this package is not ours to read: taken for options,
    // it would make a client with no key and no base URL without a word.
    if (Object.prototype.toString.call(options) === '[object Transport]') {
      const message = 'this Transport comes from another copy of @signoff/client: build the resource with the copy that made it, or dedupe @signoff/client in your install'
      throw new InvalidRequestError('new Transport', [{ path: ['options'], message }])
    }
    const resolved = resolveOptions(options)
    internals.set(this, { options: resolved, redactor: new Redactor(resolved.secrets) })
  }
}

// A transport's options and redactor, out of reach of anything outside the client: not fields,
// so neither the key nor these functions show on the object or in its type.
interface Internals {
  options: ResolvedOptions
  redactor: Redactor
}
const internals = new WeakMap<Transport, Internals>()

function internalsOf(transport: Transport): Internals {
  const found = internals.get(transport)
  if (found === undefined) throw new TypeError('expected a Transport, made with `new Transport(options)`')
  return found
}

/**
 * Sends one request over a transport with a call's options (checked first) and returns the
 * validated body; a POST carries an `Idempotency-Key`. Every error has its secrets blanked.
 */
export async function request<S extends StandardSchemaV1>(
  transport: Transport,
  method: 'get' | 'post',
  call: TransportRequest<S>,
  options: RequestOptions,
): Promise<Sent<StandardSchemaV1.InferOutput<S>>> {
  try {
    const resolved = internalsOf(transport).options
    checkRequestOptions(call.operation, options)
    return await send(resolved, method, {
      ...call,
      headers: headersFor(resolved, method, options),
      signal: options.signal,
      timeout: options.timeout,
      maxRetries: options.maxRetries,
    })
  } catch (error) {
    throw redact(transport, error)
  }
}

/** Blanks every secret a transport holds from an error; aborts pass as they are. */
export function redact(transport: Transport, error: unknown): unknown {
  return error instanceof Error && !isAbort(error) ? internalsOf(transport).redactor.scrub(error) : error
}

// The client's headers as they are when the call adds none (the common case), else a copy.
function headersFor(options: ResolvedOptions, method: 'get' | 'post', call: RequestOptions): Record<string, string> | Headers {
  if (method === 'get' && call.headers === undefined) return options.headers
  const headers = new Headers(options.headers)
  for (const [name, value] of Object.entries(call.headers ?? {})) headers.set(name, value)
  if (method === 'post') headers.set('idempotency-key', call.idempotencyKey ?? crypto.randomUUID())
  return headers
}
