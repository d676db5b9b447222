import type { ApiKeyRecord } from '../domain/records.js'

/**
 * What a transport hands the app with each request. `dropConnection` ends the connection with
 * no answer: the Node server destroys the socket, the in-process `fetch` (and so MSW) answers
 * `Response.error()`. Each transport does it its own way; the app only asks for it.
 */
export interface TransportBindings {
  dropConnection: () => void
}

/** The Hono environment of the mock's app: the transport's bindings and the caller's key. */
export interface MockEnv {
  Bindings: TransportBindings
  Variables: {
    /** The authenticated API key; set by `authenticate` before any route runs. */
    apiKey: ApiKeyRecord
  }
}
