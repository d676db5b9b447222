// The one timer every wait uses: past setTimeout's 2^31-1 ms it waits in steps, to the end.
// Fake timers stand in for the clock here: nobody waits 25 days for a test.
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { MAX_TIMER_MS, deadline, sleep, startTimer } from '../../src/wait/safe-timer.js'

beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] }))
afterEach(() => vi.useRealTimers())

const DAY = 24 * 3600_000

it('fires a delay of 60 days after 60 days, not at once and not at the 24.8-day limit', () => {
  let fired = 0
  startTimer(60 * DAY, () => void (fired += 1))
  vi.advanceTimersByTime(MAX_TIMER_MS + 1)
  expect(fired).toBe(0)
  vi.advanceTimersByTime(60 * DAY - MAX_TIMER_MS - 2)
  expect(fired).toBe(0)
  vi.advanceTimersByTime(2)
  expect(fired).toBe(1)
  vi.advanceTimersByTime(100 * DAY)
  expect(fired).toBe(1)
})

it('cancels a long delay in any of its steps', () => {
  let fired = false
  const cancel = startTimer(30 * DAY, () => void (fired = true))
  vi.advanceTimersByTime(26 * DAY)
  cancel()
  vi.advanceTimersByTime(10 * DAY)
  expect(fired).toBe(false)
})

it('sleeps the whole length or until aborted; a deadline aborts once, at its time', async () => {
  const controller = new AbortController()
  const slept = sleep(40 * DAY, controller.signal)
  vi.advanceTimersByTime(30 * DAY)
  controller.abort(new Error('stopped'))
  await expect(slept).rejects.toThrow('stopped')

  const done = sleep(40 * DAY).then(() => 'woke')
  await vi.advanceTimersByTimeAsync(40 * DAY)
  await expect(done).resolves.toBe('woke')

  const timer = deadline(30 * DAY)
  vi.advanceTimersByTime(29 * DAY)
  expect(timer.signal.aborted).toBe(false)
  vi.advanceTimersByTime(DAY)
  expect(timer.signal.reason).toMatchObject({ name: 'TimeoutError' })
})
