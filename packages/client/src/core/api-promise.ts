/** A call's result together with the HTTP response it came from. */
export interface WithResponse<T> {
  /** The parsed, validated result: what awaiting the call gives. */
  data: T
  /** The raw response (its body already read): status, headers. */
  response: Response
  /** The server's request id (`X-Request-Id`), to quote to support. */
  requestId: string | undefined
}

/**
 * The promise every call returns: `await` it for the parsed result, or call
 * {@link ApiPromise.withResponse} for the HTTP response as well.
 *
 * @example
 * ```ts
 * const approval = await client.approvals.get(id)
 * const { data, response, requestId } = await client.approvals.get(id).withResponse()
 * console.log(response.status, requestId)
 * ```
 */
export class ApiPromise<T> implements Promise<T> {
  /** Shown by `String(promise)` and debuggers. */
  readonly [Symbol.toStringTag] = 'ApiPromise'
  readonly #result: Promise<WithResponse<T>>
  #data: Promise<T> | undefined

  /** @internal Built by the client; users receive it from every call. */
  constructor(result: Promise<WithResponse<T>>) {
    this.#result = result
  }

  /** Resolves with the result and the response it came from. */
  withResponse(): Promise<WithResponse<T>> {
    return this.#result
  }

  // Derived on first use only: a data promise made up front would reject unobserved when the
  // caller uses `withResponse()` alone.
  #value(): Promise<T> {
    this.#data ??= this.#result.then((result) => result.data)
    return this.#data
  }

  /** Resolves with the parsed result. */
  then<R1 = T, R2 = never>(
    onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#value().then(onFulfilled, onRejected)
  }

  /** Handles a failure of the call. */
  catch<R = never>(onRejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.#value().catch(onRejected)
  }

  /** Runs `onFinally` once the call settles, either way. */
  finally(onFinally?: (() => void) | null): Promise<T> {
    return this.#value().finally(onFinally)
  }
}

/**
 * Runs a function that builds a call: when it throws before any request (bad input), the
 * error becomes the returned promise's rejection, as it would from an `async` method.
 */
export function deferred<T>(build: () => ApiPromise<T>): ApiPromise<T> {
  try {
    return build()
  } catch (error) {
    return new ApiPromise(Promise.reject(error))
  }
}
