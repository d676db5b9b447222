import type { Page } from '@signoff/schemas'

/**
 * The result of a `list` call: await it for one page (`{ data, meta }`), or iterate it with
 * `for await` to walk every item of every page, one page in memory at a time.
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
  readonly #fetchPage: (page: number) => Promise<Page<T>>
  readonly #startPage: number
  #first: Promise<Page<T>> | undefined

  /** @internal Built by the resources; users receive it from `list`. */
  constructor(fetchPage: (page: number) => Promise<Page<T>>, startPage: number) {
    this.#fetchPage = fetchPage
    this.#startPage = startPage
  }

  // The first page is requested once, on first use, and shared by `await` and iteration.
  #firstPage(): Promise<Page<T>> {
    this.#first ??= this.#fetchPage(this.#startPage)
    return this.#first
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

  /** Walks every page, starting at the requested one, until the last. */
  async *pages(): AsyncGenerator<Page<T>, void, undefined> {
    let requested = this.#startPage
    let page = await this.#firstPage()
    for (;;) {
      yield page
      // Stop on an empty page, or when the server did not serve the page asked for:
      // a server that ignores `page` must not make this loop forever.
      const done = page.data.length === 0 || page.meta.page !== requested || requested >= page.meta.total_pages
      if (done) return
      requested += 1
      page = await this.#fetchPage(requested)
    }
  }

  /** Walks every item of every page. */
  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for await (const page of this.pages()) yield* page.data
  }
}
