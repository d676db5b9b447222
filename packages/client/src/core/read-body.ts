/**
 * Reads a response body as UTF-8 text within `ms` milliseconds; resolves `undefined` when the
 * body stalls past that, after cancelling the read (so the connection is let go). `fetch`'s own
 * timeout ends once the headers arrive, which is why the body needs a bound of its own.
 */
export async function readBodyWithin(response: Response, ms: number): Promise<string | undefined> {
  const body = response.body
  if (body === null) return ''
  const reader = body.getReader()
  const decoder = new TextDecoder()
  let expired = false
  const timer = setTimeout(() => {
    expired = true
    void reader.cancel().catch(() => undefined)
  }, Math.max(1, ms))
  try {
    let text = ''
    for (;;) {
      const { done, value } = await reader.read()
      // A cancelled read ends as if the body were complete: only the flag tells them apart.
      if (expired) return undefined
      if (done) return text + decoder.decode()
      text += decoder.decode(value, { stream: true })
    }
  } finally {
    clearTimeout(timer)
    reader.releaseLock()
  }
}
