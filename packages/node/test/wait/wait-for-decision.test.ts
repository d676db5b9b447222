// waitForDecision against the mock (through MSW): what a backend job sees while a person decides.
import { NotFoundError } from '@signoff/client'
import { http, HttpResponse } from 'msw'
import { expect, it, vi } from 'vitest'
import * as z from 'zod/mini'
import { NoApprovalError, WaitAbortedError, WaitTimeoutError, waitForDecision } from '../../src/index.js'
import { BASE_URL, pause, server, useWaitFixture } from './fixture.js'

const api = useWaitFixture()
const fast = { interval: 5, maxInterval: 20 }

it('resolves with the approval once a person approves it, found by approval or by execution', async () => {
  const { executionId, approvalId } = await api.paused()
  const pending: number[] = []
  const byApproval = waitForDecision(api.client(), { approval_id: approvalId }, { ...fast, onPending: (_, polls) => pending.push(polls) })
  const byExecution = waitForDecision(api.client(), { execution_id: executionId }, fast)
  await vi.waitFor(() => expect(pending.length).toBeGreaterThanOrEqual(2))
  await api.decide(approvalId, 'approved', 'Accurate')

  for (const approval of await Promise.all([byApproval, byExecution])) {
    expect(approval).toMatchObject({ id: approvalId, execution_id: executionId, status: 'approved', reason: 'Accurate' })
  }
  // Each poll that still found it pending was reported, in order.
  expect(pending).toEqual(pending.map((_, index) => index + 1))
})

it('resolves with rejected and expired approvals too: the caller reads the status', async () => {
  const rejected = await api.paused()
  const expiring = await api.paused()
  const waits = [rejected, expiring].map(({ approvalId }) => waitForDecision(api.client(), { approval_id: approvalId }, fast))
  await api.decide(rejected.approvalId, 'rejected', 'Wrong amount')
  api.advance(3_600_001)

  const [first, second] = await Promise.all(waits)
  expect(first).toMatchObject({ status: 'rejected', reason: 'Wrong amount' })
  expect(second).toMatchObject({ id: expiring.approvalId, status: 'expired' })
})

it('types and checks the payload with a checkpoint schema', async () => {
  const { approvalId } = await api.paused('Refund order 1234')
  await api.decide(approvalId, 'approved')
  const schema = z.object({ input: z.object({ message: z.string() }) })
  const approval = await waitForDecision(api.client(), { approval_id: approvalId }, { ...fast, payloadSchema: schema })
  // The type is the schema's: this line would not compile if the payload were unknown.
  const message: string | undefined = approval.payload?.input.message
  expect(message).toBe('Refund order 1234')
})

it('times out with a WaitTimeoutError naming the approval, and aborts with a WaitAbortedError', async () => {
  const { approvalId } = await api.paused()
  const timedOut = waitForDecision(api.client(), { approval_id: approvalId }, { ...fast, timeout: 60 })
  await expect(timedOut).rejects.toThrow(WaitTimeoutError)
  await expect(timedOut).rejects.toMatchObject({ approvalId, message: expect.stringContaining(`no decision on ${approvalId} within 60 ms`) })

  const controller = new AbortController()
  const aborted = waitForDecision(api.client(), { approval_id: approvalId }, { ...fast, signal: controller.signal })
  await pause(30)
  controller.abort()
  await expect(aborted).rejects.toThrow(WaitAbortedError)
  // Still pending: neither gave up on the approval itself.
  expect(api.mock.store.getApproval(approvalId)?.status).toBe('pending')
})

it('keeps waiting through server errors, resets, rate limits and broken bodies', async () => {
  const { approvalId } = await api.paused()
  const kinds = ['server_error', 'reset', 'rate_limit', 'bad_gateway', 'unavailable', 'truncated'] as const
  api.mock.faults.configure({ rules: [{ route: 'GET /approvals/:id', schedule: [...kinds] }] })
  const wait = waitForDecision(api.client(), { approval_id: approvalId }, fast)
  await vi.waitFor(() => expect(Object.keys(api.mock.faults.counts)).toHaveLength(kinds.length), { timeout: 5_000 })
  await api.decide(approvalId, 'approved')
  expect(await wait).toMatchObject({ id: approvalId, status: 'approved' })
})

it('ends at once on an error that waiting cannot fix, such as an unknown approval', async () => {
  const wait = waitForDecision(api.client(), { approval_id: '2Nz3qkGXBtBLqYuwKyWqu9BFWaE' }, fast)
  await expect(wait).rejects.toThrow(NotFoundError)
})

it('waits for an execution still running towards its checkpoint, and refuses one that will never ask', async () => {
  const { executionId, approvalId } = await api.paused()
  // A server where the run is still going for its first reads: no approval exists yet.
  let running = 3
  server.use(
    http.get(`${BASE_URL}/api/v1/executions/:id/pending-approval`, () =>
      running > 0 ? HttpResponse.json({ error: 'no pending approval' }, { status: 404 }) : undefined,
    ),
    http.get(`${BASE_URL}/api/v1/approvals`, () => (running > 0 ? HttpResponse.json({ data: [], meta: { total: 0, page: 1, limit: 1, pages: 0 } }) : undefined)),
    http.get(`${BASE_URL}/api/v1/executions/:id`, ({ params }) => {
      if (running <= 0) return undefined
      running -= 1
      const execution = api.mock.store.getExecution(String(params['id']))
      return HttpResponse.json({ data: { ...execution, status: 'running' } })
    }),
  )
  const wait = waitForDecision(api.client(), { execution_id: executionId }, fast)
  await vi.waitFor(() => expect(running).toBe(0))
  await api.decide(approvalId, 'approved')
  expect(await wait).toMatchObject({ id: approvalId, status: 'approved' })

  const ungated = api.mock.store.createAgent({ name: 'No review', config: { temperature: 0.2 } })
  const done = await api.client().agents.execute({ agent_id: ungated.id, input: { message: 'hi' } })
  const never = waitForDecision(api.client(), { execution_id: done.id }, fast)
  await expect(never).rejects.toThrow(NoApprovalError)
  await expect(never).rejects.toMatchObject({ executionId: done.id, executionStatus: 'completed' })
})
