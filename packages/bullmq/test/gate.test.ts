// The gate's contract where no worker process is needed: checked options and arguments, the
// sweep's request count, gates that share a Redis but not their jobs, and step results.
import { InvalidRequestError } from '@signoff/client'
import { Worker, type Job } from 'bullmq'
import { describe, expect, it } from 'vitest'
import { ApprovalGate, STEP_DATA_KEY, type ApprovalGateOptions } from '../src/index.js'
import { redisConnection, useGateFixture } from './fixture.js'

const fixture = useGateFixture()

function refused(options: Partial<ApprovalGateOptions>, field: string): InvalidRequestError {
  const attempt = () => new ApprovalGate(fixture.client, { connection: redisConnection(), ...options } as ApprovalGateOptions)
  expect(attempt).toThrow(InvalidRequestError)
  try {
    attempt()
  } catch (error) {
    expect((error as InvalidRequestError).issues.map((issue) => issue.path?.[0])).toContain(field)
    return error as InvalidRequestError
  }
  throw new Error('unreachable')
}

describe('options', () => {
  it('refuses out-of-range numbers, bad names and a missing connection, naming each field', () => {
    refused({ pageSize: 0 }, 'pageSize')
    refused({ pageSize: 101 }, 'pageSize')
    refused({ pageSize: 2.5 }, 'pageSize')
    refused({ sweepConcurrency: 0 }, 'sweepConcurrency')
    refused({ sweepConcurrency: 65 }, 'sweepConcurrency')
    refused({ sweepConcurrency: 1.5 }, 'sweepConcurrency')
    refused({ sweepInterval: 10 }, 'sweepInterval')
    refused({ maxPark: 10 }, 'maxPark')
    refused({ maxPark: 2 ** 31 }, 'maxPark')
    refused({ name: 'a:b' }, 'name')
    refused({ prefix: '' }, 'prefix')
    refused({ connection: undefined } as unknown as Partial<ApprovalGateOptions>, 'connection')
  })

  it("refuses BullMQ's Postgres backend with a plain reason", () => {
    const error = refused({ connection: 'postgres://localhost/jobs' } as unknown as Partial<ApprovalGateOptions>, 'connection')
    expect(error.message).toMatch(/needs Redis/)
  })
})

describe('misuse', () => {
  it('refuses wait without the token, outside a processor, or with a bad target, before any request', async () => {
    const gate = fixture.gate()
    const job = await fixture.add('not running')
    const before = fixture.server.mock.requests.length
    await expect(gate.wait(job, undefined, { approval_id: 'x' })).rejects.toThrow(/token your processor receives/)
    await expect(gate.wait(job, 'some-token', { approval_id: 'x' })).rejects.toThrow(/not being processed/)
    const running = Object.assign(Object.create(Object.getPrototypeOf(job) as object) as Job, job, { token: 'lock' })
    await expect(gate.wait(running, 'lock', {} as never)).rejects.toThrow(/exactly one of approval_id and execution_id/)
    await expect(gate.wait(running, 'lock', { approval_id: ' ' })).rejects.toThrow(InvalidRequestError)
    await expect(gate.wait(running, 'other', { approval_id: 'x' })).rejects.toThrow(/not the lock token/)
    await expect(gate.step(job, '', () => 1)).rejects.toThrow(/key/)
    await expect(gate.wake('')).rejects.toThrow(InvalidRequestError)
    expect(fixture.server.mock.requests.length).toBe(before)
    await gate.close()
    await expect(gate.sweep()).rejects.toThrow(/closed/)
  })
})

describe('sweep', () => {
  for (const [pending, pageSize] of [[0, 100], [250, 100], [250, 7], [100, 100]] as const) {
    it(`lists ${pending} pending approvals with max(1, ceil(pending / ${pageSize})) requests`, async () => {
      for (let index = 0; index < pending; index++) fixture.server.mock.store.execute(fixture.agentId, { message: `seeded ${index}` })
      const gate = fixture.gate({ pageSize })
      const before = fixture.server.mock.requests.length
      const result = await gate.sweep()
      const expected = Math.max(1, Math.ceil(pending / pageSize))
      expect(result).toEqual({ pending, woken: 0, requests: expected, unreadPages: 0 })
      expect(fixture.server.mock.requests.length - before).toBe(expected)
    })
  }

  it('makes the same few requests however many jobs are parked, and never wakes the jobs of a gate of another name', async () => {
    await fixture.worker({ GATE_NAME: 'alpha', MAX_PARK: '3600000', CONCURRENCY: '5' })
    const jobs = await Promise.all(Array.from({ length: 30 }, (_, index) => fixture.add(`parked ${index}`)))
    const ids = jobs.map((job) => job.id ?? '')
    await fixture.settled(ids, 'delayed')
    for (const job of jobs) await fixture.decide(fixture.approvalOf(job.name))
    const beta = fixture.gate({ name: 'beta', pageSize: 10 })
    expect(await beta.sweep()).toEqual({ pending: 0, woken: 0, requests: 1, unreadPages: 0 })
    expect(await beta.wake(fixture.approvalOf('parked 0'))).toBe(0)
    expect(new Set(await Promise.all(ids.map((id) => fixture.queue.getJobState(id))))).toEqual(new Set(['delayed']))
    const alpha = fixture.gate({ name: 'alpha', pageSize: 10 })
    expect(await alpha.sweep()).toEqual({ pending: 0, woken: 30, requests: 1, unreadPages: 0 })
    await fixture.settled(ids, 'completed')
  })
})

describe('step', () => {
  it('runs each body once per job and key, keeps its JSON in the job data, and hands it back on later runs', async () => {
    const gate = fixture.gate()
    const bodies: string[] = []
    const seen: unknown[] = []
    const worker = new Worker(
      fixture.queueName,
      async (job) => {
        const first = await gate.step(job, 'when', ({ idempotencyKey }) => {
          bodies.push(idempotencyKey)
          return { at: new Date(0), skipped: undefined }
        })
        const nothing = await gate.step(job, 'nothing', () => void bodies.push('nothing'))
        const again = await gate.step(job, 'when', () => bodies.push('twice'))
        seen.push(first, nothing, again)
      },
      { connection: redisConnection(), prefix: fixture.prefix },
    )
    worker.on('error', () => undefined)
    const job = await fixture.add('steps')
    await fixture.settled([job.id ?? ''], 'completed')
    await worker.close()
    expect(bodies).toEqual([`${fixture.prefix}:${fixture.queueName}:${job.id}:when`, 'nothing'])
    expect(seen).toEqual([{ at: new Date(0).toISOString() }, undefined, { at: new Date(0).toISOString() }])
    const stored = (await fixture.queue.getJob(job.id ?? ''))?.data as Record<string, unknown>
    expect(stored['message']).toBe('steps')
    expect(stored[STEP_DATA_KEY]).toEqual({ steps: { when: { result: { at: new Date(0).toISOString() } }, nothing: {} } })
  })
})
