import { expect, it } from 'vitest'
import { runChaos } from './driver.ts'

it('under 20% injected faults of every kind, every decision is applied exactly once', async () => {
  const report = await runChaos({ jobs: 1_000, concurrency: 64, faultRate: 0.2, seed: 7 })
  expect(report.duplicatedExecutions).toBe(0)
  expect(report.missingExecutions).toBe(0)
  expect(report.wrongDecisions).toBe(0)
  expect(report.unhandledRejections).toBe(0)
  // The run really was hostile: faults of every kind were injected, at about the asked rate.
  expect(Object.keys(report.faults).sort()).toEqual(
    ['bad_gateway', 'lost_response', 'not_json', 'rate_limit', 'rate_limit_date', 'reset', 'server_error', 'slow', 'truncated', 'unavailable'],
  )
  expect(report.faultTotal / report.requests).toBeGreaterThan(0.15)
}, 120_000)
