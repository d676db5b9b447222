import { InvalidRequestError, type ApprovalRequest, type PayloadOf, type PayloadSchema, type Signoff, type WebhookEvent } from '@signoff/client'
import type { WaitTarget } from '@signoff/node'
import { Queue, RedisQueueBackend, Worker, type RedisClient } from 'bullmq'
import { checkJob, checkTarget, checkToken, type GateJob } from './job.js'
import { approvalTarget, executionTarget, GateKeys, sweepQueueName } from './internal/keys.js'
import { runStep, type StepContext } from './internal/step.js'
import { WaitStore } from './internal/store.js'
import { sweepOnce, type SweepResult } from './internal/sweep.js'
import { waitOrPark } from './internal/wait.js'
import { Waker } from './internal/waker.js'
import { checkGateOptions, type ApprovalGateOptions, type GateSettings } from './options.js'

/** Options of one {@link ApprovalGate.wait}. */
export interface GateWaitOptions<S extends PayloadSchema | undefined = undefined> {
  /** Checks and types the approval's payload (any Standard Schema). */
  payloadSchema?: S | undefined
}

/** The handlers {@link ApprovalGate.webhookHandlers} returns, for `createWebhookHandler`'s `on`. */
export interface GateWebhookHandlers {
  /** Wakes the jobs parked on the decided approval. */
  'approval.decided': (event: WebhookEvent) => Promise<void>
  /** Wakes the jobs parked on the expired approval. */
  'approval.expired': (event: WebhookEvent) => Promise<void>
}

const SWEEP_SCHEDULER_ID = 'sweep'
// Finished sweep jobs kept for inspection (each returns its { pending, woken, requests, unreadPages }).
const KEPT_SWEEPS = { count: 1000 }

/**
 * Makes a person's approval a durable step of a BullMQ job. `wait` parks the job in Redis
 * (BullMQ's delayed state) without holding a worker; a webhook received by any process, a
 * `wake`, or the cluster-wide sweep promotes it again, and a restart loses nothing.
 *
 * @example
 * ```ts
 * const gate = new ApprovalGate(client, { connection: { host: 'localhost', port: 6379 } })
 * new Worker('refunds', async (job, token) => {
 *   const execution = await gate.step(job, 'execute', ({ idempotencyKey }) =>
 *     client.agents.execute(agentId, { input: job.data }, { idempotencyKey }))
 *   const approval = await gate.wait(job, token, { execution_id: execution.id })
 *   if (approval.status === 'approved') await refund(job.data)
 * }, { connection })
 * createWebhookHandler({ secret, on: gate.webhookHandlers() }) // in any process
 * await gate.startSweeper() // catches lost webhooks: one sweep per interval, cluster-wide
 * ```
 */
export class ApprovalGate {
  readonly #client: Signoff
  readonly #settings: GateSettings
  readonly #sweepQueue: Queue
  readonly #redis: () => Promise<RedisClient>
  readonly #store: WaitStore
  readonly #waker: Waker
  #sweeper: Worker | undefined
  #closed = false

  constructor(client: Signoff, options: ApprovalGateOptions) {
    if (typeof client !== 'object' || client === null || typeof client.approvals?.get !== 'function') {
      throw new InvalidRequestError('new ApprovalGate', [{ path: ['client'], message: 'must be a Signoff client from @signoff/client' }])
    }
    this.#client = client
    this.#settings = checkGateOptions(options)
    const { connection, prefix, name } = this.#settings
    this.#sweepQueue = new Queue(sweepQueueName(name), { connection, prefix })
    // Connection trouble surfaces as rejected calls; ioredis reconnects on its own.
    this.#sweepQueue.on('error', () => undefined)
    const backend: unknown = this.#sweepQueue.backend
    if (!(backend instanceof RedisQueueBackend)) {
      void this.#sweepQueue.close()
      throw new InvalidRequestError('new ApprovalGate', [
        { path: ['connection'], message: "the gate needs Redis: BullMQ's Postgres backend has no key-value store for its records" },
      ])
    }
    this.#redis = () => backend.connection.client
    this.#store = new WaitStore(this.#redis, new GateKeys(prefix, name))
    this.#waker = new Waker(this.#store, this.#redis)
  }

  /**
   * Runs `fn` once per job and `key`, and keeps its JSON result in the job's data (under
   * `STEP_DATA_KEY`): when the processor runs again after a wake-up, the kept result is
   * returned and `fn` is not called. A body cut short by a crash runs again, with the same
   * `idempotencyKey`. `undefined` counts as done; the first run returns the result as JSON
   * round-trips it, like later runs.
   */
  async step<T>(job: GateJob, key: string, fn: (context: StepContext) => T | Promise<T>): Promise<T> {
    this.#assertOpen('gate.step')
    return runStep(job, checkJob('gate.step', job), key, fn)
  }

  /**
   * Inside a processor: returns the approval once it is decided or expired. While it is
   * pending, records the wait, parks the job (BullMQ's delayed state) until it is woken, the
   * approval expires, or `maxPark` passes, and throws BullMQ's `DelayedError`: rethrow it
   * (or let it pass), so the worker frees the slot. The next run of the job comes back here.
   */
  async wait<S extends PayloadSchema | undefined = undefined>(
    job: GateJob,
    token: string | undefined,
    target: WaitTarget,
    options: GateWaitOptions<S> = {},
  ): Promise<ApprovalRequest<PayloadOf<S>>> {
    this.#assertOpen('gate.wait')
    const id = checkJob('gate.wait', job)
    const checkedToken = checkToken('gate.wait', job, token)
    const checkedTarget = checkTarget('gate.wait', target)
    const ref = { prefix: job.prefix, queueName: job.queueName, id }
    const context = { client: this.#client, store: this.#store, waker: this.#waker, maxPark: this.#settings.maxPark }
    return waitOrPark(context, job, ref, checkedToken, checkedTarget, options.payloadSchema)
  }

  /** Wakes the jobs parked on an approval, from any process sharing the Redis; answers how many. */
  async wake(approvalId: string): Promise<number> {
    this.#assertOpen('gate.wake')
    if (typeof approvalId !== 'string' || approvalId.trim().length === 0) {
      throw new InvalidRequestError('gate.wake', [{ path: ['approval_id'], message: 'must be a non-empty string' }])
    }
    return this.#waker.wakeTarget(approvalTarget(approvalId))
  }

  /**
   * Hands the gate a webhook event: `approval.decided` and `approval.expired` wake the jobs
   * parked on that approval (or its execution). Other events, and approvals nobody waits
   * for, change nothing.
   */
  async handle(event: WebhookEvent): Promise<void> {
    if (event.type !== 'approval.decided' && event.type !== 'approval.expired') return
    const approval = event.data.approval
    if (approval.status === 'pending') return
    this.#assertOpen('gate.handle')
    await this.#waker.wakeTarget(approvalTarget(approval.id))
    await this.#waker.wakeTarget(executionTarget(approval.execution_id))
  }

  /** Handlers to pass as `on` to `createWebhookHandler` (`@signoff/node`), in any process. */
  webhookHandlers(): GateWebhookHandlers {
    const handle = (event: WebhookEvent) => this.handle(event)
    return { 'approval.decided': handle, 'approval.expired': handle }
  }

  /**
   * One sweep now: reads the pending approvals (the first page, then the others
   * `sweepConcurrency` at a time) and wakes every parked job whose approval is not among them.
   * Makes max(1, ceil(pending / pageSize)) API requests. A page that fails for good does not
   * fail the sweep: the jobs parked on what it held are woken and look for themselves (see
   * `unreadPages`). Passing trouble (`isTransient`) rejects.
   */
  async sweep(): Promise<SweepResult> {
    this.#assertOpen('gate.sweep')
    const { pageSize, sweepConcurrency } = this.#settings
    return sweepOnce(this.#client, this.#store, this.#waker, { pageSize, concurrency: sweepConcurrency })
  }

  /**
   * Schedules a sweep every `sweepInterval` (a BullMQ job scheduler on the queue
   * `signoff-sweep-<name>`) and runs sweeps in this process. However many processes call
   * it, one sweep runs per interval across the cluster.
   */
  async startSweeper(): Promise<void> {
    this.#assertOpen('gate.startSweeper')
    const template = { name: 'sweep', opts: { removeOnComplete: KEPT_SWEEPS, removeOnFail: KEPT_SWEEPS } }
    await this.#sweepQueue.upsertJobScheduler(SWEEP_SCHEDULER_ID, { every: this.#settings.sweepInterval }, template)
    if (this.#sweeper !== undefined) return
    const { connection, prefix } = this.#settings
    this.#sweeper = new Worker(this.#sweepQueue.name, () => this.sweep(), { connection, prefix, concurrency: 1 })
    // A failed sweep is a failed job of the sweep queue; the next interval sweeps again.
    this.#sweeper.on('error', () => undefined)
  }

  /** Removes the sweep schedule (for every process) and stops sweeping here. */
  async stopSweeper(): Promise<void> {
    this.#assertOpen('gate.stopSweeper')
    await this.#sweepQueue.removeJobScheduler(SWEEP_SCHEDULER_ID)
    await this.#closeSweeper()
  }

  /**
   * Stops this process's part: its sweep worker and its Redis connections. The schedule
   * and every parked job stay in Redis for the other processes.
   */
  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    await this.#closeSweeper()
    await this.#waker.close()
    await this.#sweepQueue.close()
  }

  async #closeSweeper(): Promise<void> {
    const sweeper = this.#sweeper
    this.#sweeper = undefined
    await sweeper?.close()
  }

  #assertOpen(method: string): void {
    if (this.#closed) throw new InvalidRequestError(method, [{ path: ['gate'], message: 'is closed: create a new ApprovalGate to go on' }])
  }
}
