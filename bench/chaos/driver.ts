// The chaos run shared by the test (a few thousand operations) and the benchmark (10,000):
// jobs execute a gated agent and decide its approval through the mock's real HTTP server
// while it injects faults of every kind. Afterwards the mock's state is checked against intent.
import { Signoff, SignoffError, type Decision } from '@signoff/client'
import { FAULT_KINDS, startMockServer, type FaultCounts } from '@signoff/mock/node'

/** How a chaos run is shaped. */
export interface ChaosOptions {
  /** Jobs to run; each executes once and decides once (two operations). */
  jobs: number
  /** Jobs in flight at once. */
  concurrency: number
  /** Share of requests that meet a fault, 0 to 1. */
  faultRate: number
  /** Seeds the faults, so a run can be replayed. */
  seed: number
}

/** What a chaos run did and found. */
export interface ChaosReport {
  operations: number
  requests: number
  faults: FaultCounts
  /** Faults injected, all kinds together. */
  faultTotal: number
  /** Requests beyond one per call: the client's retries (and decide's read-backs). */
  retries: number
  reconciliations: number
  surfacedErrors: Record<string, number>
  duplicatedExecutions: number
  missingExecutions: number
  wrongDecisions: number
  unhandledRejections: number
  elapsedMs: number
}

/** Runs the jobs under faults and checks every final state against what each job intended. */
export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const server = await startMockServer({
    faults: { seed: options.seed, slowMs: 600, rules: [{ rate: options.faultRate, kinds: FAULT_KINDS }] },
  })
  let requests = 0
  let unhandledRejections = 0
  const onUnhandled = () => (unhandledRejections += 1)
  process.on('unhandledRejection', onUnhandled)
  const client = new Signoff({
    apiKey: server.mock.store.defaults.apiKey,
    baseUrl: server.url,
    maxRetries: 10,
    timeout: 300,
    totalTimeout: 60_000,
    fetch: (input, init) => {
      requests += 1
      return fetch(input, init)
    },
  })
  const agent = server.mock.store.createAgent({ name: 'Chaos', config: { approval_required: true, checkpoint_name: 'chaos' } })
  const surfacedErrors: Record<string, number> = {}
  let reconciliations = 0
  const intended = new Map<number, Decision>()

  // An error that survives the client's own retries reaches the job, which repeats the step
  // with the same idempotency key: the mock replays the first answer, so nothing is doubled.
  let calls = 0
  async function persist<T>(step: () => Promise<T>): Promise<T> {
    for (;;) {
      calls += 1
      try {
        return await step()
      } catch (error) {
        const name = error instanceof SignoffError ? error.name : 'OtherError'
        surfacedErrors[name] = (surfacedErrors[name] ?? 0) + 1
        if (!(error instanceof SignoffError)) throw error
      }
    }
  }

  async function job(index: number): Promise<void> {
    const decision: Decision = index % 3 === 0 ? 'rejected' : 'approved'
    intended.set(index, decision)
    const execution = await persist(() =>
      client.agents.execute(agent.id, { input: { job: index } }, { idempotencyKey: `job-${index}-execute` }),
    )
    const approval = await persist(() => client.executions.pending_approval(execution.id))
    await persist(async () => {
      try {
        return await client.approvals.decide(approval.id, { decision, reason: `job ${index}` }, { idempotencyKey: `job-${index}-decide` })
      } catch (error) {
        // A conflict whose approval already holds our decision means an earlier attempt landed.
        const current = (error as { approval?: { status?: string } }).approval
        if (current?.status === decision) {
          reconciliations += 1
          return current
        }
        throw error
      }
    })
  }

  const started = performance.now()
  let next = 0
  const worker = async () => {
    while (next < options.jobs) await job(next++)
  }
  try {
    await Promise.all(Array.from({ length: options.concurrency }, worker))
  } finally {
    process.off('unhandledRejection', onUnhandled)
  }
  const elapsedMs = performance.now() - started
  const faults = server.mock.faults.counts
  await server.close()

  const executions = server.mock.store.listExecutions()
  const perJob = new Map<number, number>()
  for (const execution of executions) {
    const index = (execution.input as { job: number }).job
    perJob.set(index, (perJob.get(index) ?? 0) + 1)
  }
  let wrongDecisions = 0
  for (const approval of server.mock.store.listApprovals()) {
    const index = (approval.payload as { input: { job: number } }).input.job
    if (approval.status !== intended.get(index)) wrongDecisions += 1
  }
  const faultTotal = Object.values(faults).reduce((sum, count) => sum + (count ?? 0), 0)
  return {
    operations: options.jobs * 2,
    requests,
    faults,
    faultTotal,
    retries: requests - calls,
    reconciliations,
    surfacedErrors,
    duplicatedExecutions: [...perJob.values()].filter((count) => count > 1).length,
    missingExecutions: options.jobs - perJob.size,
    wrongDecisions,
    unhandledRejections,
    elapsedMs,
  }
}
