// A real HTTP server in front of the mock, for the sweep's tests: it holds each list request
// a while and counts how many are in flight at once, and can spoil chosen pages, as a slow or
// misbehaving API would. Other reads pass through untouched; the sweep sends nothing else.
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

/** What a list page gets instead of the mock's answer. */
export type PageSpoiler = (page: number, body: { data: unknown[] }) => { status: number; body: unknown } | undefined

export interface ListProxy {
  readonly url: string
  /** List requests answered so far, and the most that were in flight at once. */
  readonly seen: { lists: number; inFlight: number; mostInFlight: number }
  /** Replaces pages: return `undefined` to leave a page as the mock sent it. */
  spoil(spoiler: PageSpoiler | undefined): void
  close(): Promise<void>
}

const LIST_PATH = '/api/v1/approvals'

export async function startListProxy(target: string, holdMs: number): Promise<ListProxy> {
  const seen = { lists: 0, inFlight: 0, mostInFlight: 0 }
  let spoiler: PageSpoiler | undefined
  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', target)
      if (request.method !== 'GET') return void response.writeHead(405).end()
      const isList = url.pathname === LIST_PATH
      if (isList) {
        seen.lists += 1
        seen.inFlight += 1
        seen.mostInFlight = Math.max(seen.mostInFlight, seen.inFlight)
        await new Promise((resolve) => setTimeout(resolve, holdMs))
      }
      try {
        const answer = await fetch(url, { headers: forwardedHeaders(request) })
        let status = answer.status
        let text = await answer.text()
        const page = Number(url.searchParams.get('page') ?? 1)
        const spoiled = isList && answer.ok ? spoiler?.(page, JSON.parse(text) as { data: unknown[] }) : undefined
        if (spoiled !== undefined) ({ status, text } = { status: spoiled.status, text: JSON.stringify(spoiled.body) })
        response.writeHead(status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' }).end(text)
      } finally {
        if (isList) seen.inFlight -= 1
      }
    })()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    spoil: (next) => void (spoiler = next),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

function forwardedHeaders(request: IncomingMessage): Headers {
  const headers = new Headers()
  for (const [name, value] of Object.entries(request.headers)) {
    if (name === 'host' || name === 'connection' || value === undefined) continue
    headers.set(name, Array.isArray(value) ? value.join(', ') : value)
  }
  return headers
}
