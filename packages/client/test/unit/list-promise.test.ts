import { describe, expect, it } from 'vitest'
import type { Page } from '@signoff/schemas'
import { ListPromise } from '../../src/core/list-promise.js'

interface Options {
  /** Which page the server really serves when asked for one. */
  servePage?: (asked: number) => number
  /** What the server claims in meta. */
  claim?: { total?: number; total_pages?: number; page?: (asked: number) => number }
}

function pages(total: number, limit: number, { servePage = (page) => page, claim = {} }: Options = {}) {
  const requested: number[] = []
  const fetchPage = async (asked: number) => {
    requested.push(asked)
    if (requested.length > 50) throw new Error('the walk does not end')
    const page = servePage(asked)
    const start = (page - 1) * limit
    const data = Array.from({ length: Math.max(0, Math.min(limit, total - start)) }, (_, index) => start + index)
    const meta = {
      total: claim.total ?? total,
      page: claim.page?.(asked) ?? page,
      limit,
      total_pages: claim.total_pages ?? Math.ceil(total / limit),
    }
    const result: Page<number> = { data, meta }
    return { data: result, response: new Response(null), requestId: undefined }
  }
  return { fetchPage, requested }
}

async function walk(list: ListPromise<number>): Promise<number[]> {
  const seen: number[] = []
  for await (const item of list) seen.push(item)
  return seen
}

const list = (source: ReturnType<typeof pages>, start = 1) => new ListPromise(source.fetchPage, start, String)

describe('ListPromise', () => {
  it('yields an empty first page once, so a walk of pages counts the request it made', async () => {
    const source = pages(0, 10)
    const seen: Page<number>[] = []
    for await (const page of list(source).pages()) seen.push(page)
    expect(seen.map((page) => page.data)).toEqual([[]])
    expect(source.requested).toEqual([1])
  })

  it('awaits to the first page and requests it once, however often it is awaited', async () => {
    const source = pages(5, 2)
    const promise = list(source)
    expect((await promise).data).toEqual([0, 1])
    expect((await promise).data).toEqual([0, 1])
    expect((await promise.withResponse()).response).toBeInstanceOf(Response)
    expect(source.requested).toEqual([1])
  })

  it('iterates every item of every page in order', async () => {
    const source = pages(5, 2)
    expect(await walk(list(source))).toEqual([0, 1, 2, 3, 4])
    expect(source.requested).toEqual([1, 2, 3])
  })

  it('never yields the same items twice when a server ignores the page parameter', async () => {
    const source = pages(10, 2, { servePage: () => 1 })
    expect(await walk(list(source))).toEqual([0, 1])
    expect(source.requested).toEqual([1, 2])
  })

  it('ends against a server that echoes ?page and overstates total_pages', async () => {
    // Every page is page 1 again, labelled as the page asked for, out of a claimed 3,000.
    const source = pages(10, 2, { servePage: () => 1, claim: { total_pages: 3_000, page: (asked) => asked } })
    expect(await walk(list(source))).toEqual([0, 1])
    expect(source.requested).toEqual([1, 2])
  })

  it('stops once meta.total items have come, whatever total_pages says', async () => {
    const source = pages(10, 2, { claim: { total: 5, total_pages: 3_000 } })
    expect(await walk(list(source))).toEqual([0, 1, 2, 3, 4])
    expect(source.requested).toEqual([1, 2, 3])
  })

  it('leaves out items repeated from the page before (a list that shifted while walked)', async () => {
    // Page 2 starts one item early, as when a newer item was inserted before the walk reached it.
    const source = pages(6, 2, { servePage: (asked) => asked })
    const shifted = async (asked: number) => {
      const result = await source.fetchPage(asked)
      if (asked === 2) result.data.data = [1, 2]
      return result
    }
    expect(await walk(new ListPromise(shifted, 1, String))).toEqual([0, 1, 2, 4, 5])
  })

  it('an empty list yields nothing after one request', async () => {
    const source = pages(0, 20)
    expect(await walk(list(source))).toEqual([])
    expect(source.requested).toEqual([1])
  })

  it('a failing first page rejects both await and iteration', async () => {
    const failing = new ListPromise<number>(async () => { throw new Error('boom') }, 1, String)
    await expect(failing).rejects.toThrow('boom')
    await expect(failing.pages().next()).rejects.toThrow('boom')
  })
})
