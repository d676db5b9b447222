import { describe, expect, it } from 'vitest'
import type { Page } from '@signoff/schemas'
import { ListPromise } from '../../src/core/list-promise.js'

function pages(total: number, limit: number, servePage = (page: number) => page) {
  const requested: number[] = []
  const fetchPage = async (asked: number): Promise<Page<number>> => {
    requested.push(asked)
    const page = servePage(asked)
    const start = (page - 1) * limit
    const data = Array.from({ length: Math.max(0, Math.min(limit, total - start)) }, (_, index) => start + index)
    return { data, meta: { total, page, limit, total_pages: Math.ceil(total / limit) } }
  }
  return { fetchPage, requested }
}

describe('ListPromise', () => {
  it('awaits to the first page and requests it once, however often it is awaited', async () => {
    const source = pages(5, 2)
    const list = new ListPromise(source.fetchPage, 1)
    expect((await list).data).toEqual([0, 1])
    expect((await list).data).toEqual([0, 1])
    expect(source.requested).toEqual([1])
  })

  it('iterates every item of every page in order', async () => {
    const source = pages(5, 2)
    const seen: number[] = []
    for await (const item of new ListPromise(source.fetchPage, 1)) seen.push(item)
    expect(seen).toEqual([0, 1, 2, 3, 4])
    expect(source.requested).toEqual([1, 2, 3])
  })

  it('stops when a server ignores the page parameter instead of looping forever', async () => {
    const source = pages(10, 2, () => 1)
    const seen: number[] = []
    for await (const item of new ListPromise(source.fetchPage, 1)) seen.push(item)
    expect(seen).toEqual([0, 1, 0, 1])
    expect(source.requested).toEqual([1, 2])
  })

  it('an empty list yields nothing after one request', async () => {
    const source = pages(0, 20)
    const seen: number[] = []
    for await (const item of new ListPromise(source.fetchPage, 1)) seen.push(item)
    expect(seen).toEqual([])
    expect(source.requested).toEqual([1])
  })

  it('a failing first page rejects both await and iteration', async () => {
    const list = new ListPromise<number>(async () => { throw new Error('boom') }, 1)
    await expect(list).rejects.toThrow('boom')
    await expect(list.pages().next()).rejects.toThrow('boom')
  })
})
