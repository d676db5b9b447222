/**
 * Reads a response body as text; resolves `undefined` as soon as `signal` aborts (ky's attempt
 * timeout, or the caller's signal), so a body that stalls cannot hold the call. The read itself
 * is left to end with the connection: cancelling or aborting a request in the middle of its
 * body trips an assertion in undici when the socket then closes (seen under MSW's socket-level
 * interception), and a custom `fetch` may not stop a body at all.
 */
export function readBody(response: Response, signal: AbortSignal | undefined): Promise<string | undefined> {
  const reading = response.text()
  if (signal === undefined) return reading
  // A read that fails after the call has moved on has no one to tell.
  reading.catch(() => undefined)
  if (signal.aborted) return Promise.resolve(undefined)
  return new Promise((resolve, reject) => {
    const stop = () => resolve(undefined)
    signal.addEventListener('abort', stop, { once: true })
    reading.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop))
  })
}
