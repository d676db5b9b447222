// Delays past setTimeout's limit (2^31-1 ms, about 24.8 days): a huge Retry-After, a month-long
// timeout, a huge interval. Each must wait its full length (or be refused up front), never fire
// at once, which would end a wait early or make it hammer the server.
import { InvalidRequestError } from '@signoff/client'
import { http, HttpResponse } from 'msw'
import { expect, it, vi } from 'vitest'
import { ApprovalWatcher, WaitAbortedError, waitForDecision } from '../../src/index.js'
import { BASE_URL, pause, server, useWaitFixture } from './fixture.js'

const api = useWaitFixture()
const fast = { interval: 5, maxInterval: 20 }
const DAY = 24 * 3600_000
const PAST_TIMER_LIMIT = 2 ** 31 + 1_000

it('holds off after a huge Retry-After (or a Unix time sent by mistake) instead of polling at once', async () => {
  const { approvalId } = await api.paused()
  for (const retryAfter of ['99999999', String(Math.floor(Date.now() / 1000))]) {
    let answered = 0
    server.use(
      http.get(`${BASE_URL}/api/v1/approvals/:id`, () => {
        answered += 1
        return HttpResponse.json({ error: 'slow down' }, { status: 429, headers: { 'retry-after': retryAfter } })
      }),
    )
    const controller = new AbortController()
    const wait = waitForDecision(api.client(), { approval_id: approvalId }, { ...fast, signal: controller.signal })
    await vi.waitFor(() => expect(answered).toBe(1))
    await pause(200)
    controller.abort()
    await expect(wait).rejects.toThrow(WaitAbortedError)
    // One request, then a pause: an overflowing timer would have polled every millisecond.
    expect(answered).toBe(1)
    server.resetHandlers(...api.mock.handlers(BASE_URL))
  }
})

it('waits out a timeout of a month and intervals past the timer limit, instead of ending at once', async () => {
  const { approvalId } = await api.paused()
  const controller = new AbortController()
  let polls = 0
  const options = { timeout: 30 * DAY, interval: PAST_TIMER_LIMIT, maxInterval: PAST_TIMER_LIMIT, signal: controller.signal }
  const wait = waitForDecision(api.client(), { approval_id: approvalId }, { ...options, onPending: () => void (polls += 1) })
  await vi.waitFor(() => expect(polls).toBe(1))
  await pause(200)
  expect(polls).toBe(1)
  controller.abort()
  // Aborted by us: the month-long timeout had not fired.
  await expect(wait).rejects.toThrow(WaitAbortedError)
})

it('refuses durations that are not a number of ms above 0, naming the option, before any request', async () => {
  const { approvalId } = await api.paused()
  api.mock.clearRequests()
  for (const name of ['timeout', 'interval', 'maxInterval'] as const) {
    for (const value of [Number.NaN, -1, 0, Number.POSITIVE_INFINITY, '300']) {
      const wait = waitForDecision(api.client(), { approval_id: approvalId }, { [name]: value as number })
      await expect(wait).rejects.toThrow(InvalidRequestError)
      await expect(wait).rejects.toThrow(`${name} must be a number of milliseconds above 0`)
    }
  }
  expect(api.mock.requests).toEqual([])
})

it('keeps a watcher wait with a timeout of a month, sweeps no sooner than a huge interval, and refuses bad options', async () => {
  const { approvalId } = await api.paused()
  const watcher = new ApprovalWatcher(api.client(), { interval: PAST_TIMER_LIMIT })
  try {
    const wait = watcher.wait({ approval_id: approvalId }, { timeout: 30 * DAY })
    let settled = false
    void wait.then(() => (settled = true), () => (settled = true))
    await pause(200)
    expect(settled).toBe(false)
    expect(watcher.stats).toMatchObject({ sweeps: 0, requests: 0, waiting: 1 })
    await expect(watcher.wait({ approval_id: approvalId }, { timeout: Number.NaN })).rejects.toThrow(InvalidRequestError)
  } finally {
    watcher.close()
  }
  expect(() => new ApprovalWatcher(api.client(), { interval: -5 })).toThrow(InvalidRequestError)
  expect(() => new ApprovalWatcher(api.client(), { pageSize: 500 })).toThrow('pageSize must be a whole number from 1 to 100')
  expect(() => new ApprovalWatcher(api.client(), { concurrency: 0 })).toThrow(InvalidRequestError)
})
