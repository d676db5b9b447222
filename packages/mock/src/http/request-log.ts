/** One request the mock answered, for tests to inspect. */
export interface LoggedRequest {
  method: string
  /** Path and query, without the origin. */
  path: string
  status: number
}

/** How many requests the log keeps by default (the oldest are forgotten first). */
export const DEFAULT_REQUEST_LOG_LIMIT = 10_000

/** The last `limit` requests answered, oldest first: bounded, however long the mock runs. */
export class RequestLog {
  readonly #limit: number
  #entries: LoggedRequest[] = []

  constructor(limit: number) {
    this.#limit = limit
  }

  /** Notes one request, forgetting the oldest past the limit. */
  add(entry: LoggedRequest): void {
    this.#entries.push(entry)
    // Trimmed in batches, so that each request costs O(1) on average.
    if (this.#entries.length >= this.#limit * 2) this.#entries = this.#entries.slice(-this.#limit)
  }

  /** The kept requests, oldest first. */
  get entries(): readonly LoggedRequest[] {
    if (this.#entries.length > this.#limit) this.#entries = this.#entries.slice(-this.#limit)
    return this.#entries
  }

  /** Forgets every request. */
  clear(): void {
    this.#entries = []
  }
}
