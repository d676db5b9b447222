// What the gate's tests share: a real Redis (started by the test run), the mock API over real
// HTTP, fresh BullMQ names per test, and worker and receiver processes to start and kill.
import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { Signoff } from '@signoff/client'
import { startMockServer, type MockServer } from '@signoff/mock/node'
import { Queue, type Job } from 'bullmq'
import { afterEach, beforeEach, inject } from 'vitest'
import { ApprovalGate, type ApprovalGateOptions } from '../src/index.js'

// Provided by scripts/redis.setup.ts, the run's globalSetup.
declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string
  }
}

export const WEBHOOK_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'

export function redisConnection(): { host: string; port: number } {
  const url = new URL(inject('redisUrl'))
  return { host: url.hostname, port: Number(url.port || 6379) }
}

/** One line a test process printed. */
export interface ProcessEvent {
  event: string
  job?: string
  key?: string
  status?: string
  url?: string
  message?: string
}

/** A worker or receiver process of a test. */
export class TestProcess {
  readonly events: ProcessEvent[] = []
  readonly #child: ChildProcess
  readonly #listeners = new Set<() => void>()
  #stderr = ''

  constructor(script: string, env: Record<string, string>) {
    const path = fileURLToPath(new URL(`./processes/${script}`, import.meta.url))
    this.#child = spawn(process.execPath, [path], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let buffered = ''
    this.#child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString()
      const lines = buffered.split('\n')
      buffered = lines.pop() ?? ''
      for (const line of lines) if (line.trim() !== '') this.events.push(JSON.parse(line) as ProcessEvent)
      for (const listener of this.#listeners) listener()
    })
    this.#child.stderr?.on('data', (chunk: Buffer) => void (this.#stderr += chunk.toString()))
    this.#child.on('exit', () => {
      for (const listener of this.#listeners) listener()
    })
  }

  /** Resolves with the first event matching, once printed; rejects if the process exits first. */
  next(matches: (event: ProcessEvent) => boolean): Promise<ProcessEvent> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.events.find(matches)
        if (found !== undefined) {
          this.#listeners.delete(check)
          resolve(found)
        } else if (this.#child.exitCode !== null || this.#child.signalCode !== null) {
          this.#listeners.delete(check)
          reject(new Error(`process exited (${this.#child.exitCode ?? this.#child.signalCode}) before the event; stderr: ${this.#stderr}`))
        }
      }
      this.#listeners.add(check)
      check()
    })
  }

  count(matches: (event: ProcessEvent) => boolean): number {
    return this.events.filter(matches).length
  }

  /** Kills the process at once (a crash), or stops it gently. */
  async stop(signal: 'SIGKILL' | 'SIGTERM' = 'SIGTERM'): Promise<void> {
    if (this.#child.exitCode !== null || this.#child.signalCode !== null) return
    const exited = new Promise((resolve) => this.#child.once('exit', resolve))
    this.#child.kill(signal)
    await exited
  }
}

/** Per test: a mock API, a gated agent, a queue and a gate under a prefix of its own. */
export interface GateFixture {
  server: MockServer
  client: Signoff
  agentId: string
  prefix: string
  queueName: string
  queue: Queue
  /** The environment a worker or receiver process needs. */
  env: Record<string, string>
  gate(options?: Partial<ApprovalGateOptions>): ApprovalGate
  worker(env?: Record<string, string>): Promise<TestProcess>
  receiver(env?: Record<string, string>): Promise<{ process: TestProcess; url: string }>
  /** Adds a job for the gated agent. */
  add(name: string, message?: string): Promise<Job>
  /** The pending approval of a job's execution, once the job made it. */
  approvalOf(message: string): string
  decide(approvalId: string, decision?: 'approved' | 'rejected'): Promise<void>
  /** Resolves once every listed job reached `state`. */
  settled(ids: readonly string[], state: 'completed' | 'delayed'): Promise<void>
}

export function useGateFixture(config: Record<string, unknown> = {}): GateFixture {
  const cleanups: Array<() => Promise<unknown>> = []
  const fixture = {} as GateFixture

  beforeEach(async () => {
    const server = await startMockServer()
    cleanups.push(() => server.close())
    const apiKey = server.mock.store.defaults.apiKey
    const agentConfig = { approval_required: true, checkpoint_name: 'refund', ...config }
    const agentId = server.mock.store.createAgent({ name: 'Refunds', config: agentConfig }).id
    const prefix = `t${randomUUID().slice(0, 8)}`
    const queueName = 'refunds'
    const queue = new Queue(queueName, { connection: redisConnection(), prefix })
    cleanups.push(() => queue.obliterate({ force: true }).finally(() => queue.close()))
    const env = { REDIS_URL: inject('redisUrl'), GATE_PREFIX: prefix, QUEUE: queueName, API_URL: server.url, API_KEY: apiKey, WEBHOOK_SECRET }
    Object.assign(fixture, {
      server,
      client: new Signoff({ apiKey, baseUrl: server.url }),
      agentId,
      prefix,
      queueName,
      queue,
      env,
      gate(options: Partial<ApprovalGateOptions> = {}) {
        const gate = new ApprovalGate(fixture.client, { connection: redisConnection(), prefix, ...options })
        cleanups.push(() => gate.close())
        return gate
      },
      async worker(extra: Record<string, string> = {}) {
        const worker = new TestProcess('worker.ts', { ...env, ...extra })
        cleanups.push(() => worker.stop())
        await worker.next((event) => event.event === 'ready')
        return worker
      },
      async receiver(extra: Record<string, string> = {}) {
        const receiver = new TestProcess('receiver.ts', { ...env, ...extra })
        cleanups.push(() => receiver.stop())
        const ready = await receiver.next((event) => event.event === 'ready')
        return { process: receiver, url: ready.url ?? '' }
      },
      add: (name: string, message = name) => queue.add(name, { message, agentId }),
      approvalOf(message: string) {
        const approval = server.mock.store
          .listApprovals({})
          .find((candidate) => (candidate.payload as { input?: { message?: string } } | null)?.input?.message === message)
        if (approval === undefined) throw new Error(`no approval for ${message}`)
        return approval.id
      },
      decide: async (approvalId: string, decision: 'approved' | 'rejected' = 'approved') => {
        await fixture.client.approvals.decide(approvalId, { decision, reason: 'checked' })
      },
      async settled(ids: readonly string[], state: 'completed' | 'delayed') {
        for (;;) {
          const states = await Promise.all(ids.map((id) => queue.getJobState(id)))
          if (states.every((current) => current === state)) return
          if (states.includes('failed')) throw new Error(`a job failed: ${states.join(', ')}`)
          await new Promise((resolve) => setTimeout(resolve, 50))
        }
      },
    })
  })

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined)
  })
  return fixture
}
