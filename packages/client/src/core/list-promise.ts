import type { Page } from '@signoff/schemas'
import type { WithResponse } from './api-promise.js'

/**
 * The result of a `list` call: await it for one page (`{ data, meta }`), or iterate it with
 * `for await` to walk every item of every page, one page in memory at a time.
 *
 * A walk never yields an item twice in a row of pages and always ends: it stops at the last
 * page, at an empty page, at a page that brings nothing new (a server that ignores `page`), and
 * once `meta.total` items have come.
 *
 * @example
 * ```ts
 * const page = await client.approvals.list({ status: 'pending' })
 * for await (const approval of client.approvals.list({ status: 'pending' })) {
 *   console.log(approval.id)
 * }
 * ```
 */
export class ListPromise<T> implements Promise<Page<T>>, AsyncIterable<T> {
  /** Shown by `String(list)` and debuggers. */
  readonly [Symbol.toStringTag] = 'ListPromise'
  readonly #fetchPage: (page: number) => Promise<WithResponse<Page<T>>>
  readonly #startPage: number
  readonly #keyOf: (item: T) => string
  #first: Promise<WithResponse<Page<T>>> | undefined
  #firstData: Promise<Page<T>> | undefined

  /** @internal Built by the resources; users receive it from `list`. */
  constructor(fetchPage: (page: number) => Promise<WithResponse<Page<T>>>, startPage: number, keyOf: (item: T) => string) {
    this.#fetchPage = fetchPage
    this.#startPage = startPage
    this.#keyOf = keyOf
  }

  /** The first requested page together with its HTTP response. */
  withResponse(): Promise<WithResponse<Page<T>>> {
    // The first page is requested once, on first use, and shared by `await` and iteration.
    this.#first ??= this.#fetchPage(this.#startPage)
    return this.#first
  }

  #firstPage(): Promise<Page<T>> {
    this.#firstData ??= this.withResponse().then((result) => result.data)
    return this.#firstData
  }

  /** Resolves with the first requested page. */
  then<R1 = Page<T>, R2 = never>(
    onFulfilled?: ((page: Page<T>) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#firstPage().then(onFulfilled, onRejected)
  }

  /** Handles a failure of the first page's request. */
  catch<R = never>(onRejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<Page<T> | R> {
    return this.#firstPage().catch(onRejected)
  }

  /** Runs `onFinally` once the first page's request settles, either way. */
  finally(onFinally?: (() => void) | null): Promise<Page<T>> {
    return this.#firstPage().finally(onFinally)
  }

  /**
   * Walks the pages, starting at the requested one, until the last. Items already yielded on
   * the page before are left out of the next, and a page with nothing new ends the walk.
   */
  async *pages(): AsyncGenerator<Page<T>, void, undefined> {
    let requested = this.#startPage
    let page = await this.#firstPage()
    let previous = new Set<string>()
    let yielded = 0
    for (;;) {
      const fresh = page.data.filter((item) => !previous.has(this.#keyOf(item)))
      // Never more than the server says the list holds from the first requested page on.
      const room = Math.max(0, page.meta.total - (this.#startPage - 1) * page.meta.limit - yielded)
      const data = fresh.slice(0, room)
      // An empty first page is still a page read (its meta says so); a later one ends the walk.
      if (data.length === 0) {
        if (requested === this.#startPage) yield { data, meta: page.meta }
        return
      }
      yield data.length === page.data.length ? page : { data, meta: page.meta }
      yielded += data.length
      // Stop at the last page, or when the server did not serve the page asked for.
      const done = data.length < fresh.length || page.meta.page !== requested || requested >= page.meta.total_pages
      if (done) return
      previous = new Set(page.data.map(this.#keyOf))
      requested += 1
      page = await this.#fetchPage(requested).then((result) => result.data)
    }
  }

  /** Walks every item of every page. */
  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for await (const page of this.pages()) yield* page.data
  }
}
