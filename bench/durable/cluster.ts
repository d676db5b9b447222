// The durable side of bench/durable: a queue of parked jobs, the worker processes that park
// them, and what Redis holds for them.
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { MockServer } from '@signoff/mock/node'
import { Queue } from 'bullmq'
import { pause } from '../waiters/setup.ts'

export const QUEUE = 'bench-durable'
export const PREFIX = 'bench'

export function connectionOf(redisUrl: string): { host: string; port: number } {
  const url = new URL(redisUrl)
  return { host: url.hostname, port: Number(url.port || 6379) }
}

/** Starts `count` worker processes; resolves once each says it is ready. */
export async function startWorkers(count: number, redisUrl: string, server: MockServer): Promise<ChildProcess[]> {
  const script = fileURLToPath(new URL('./worker.ts', import.meta.url))
  const env = { ...process.env, REDIS_URL: redisUrl, API_URL: server.url, API_KEY: server.mock.store.defaults.apiKey, QUEUE, PREFIX, CONCURRENCY: '50' }
  return Promise.all(
    Array.from({ length: count }, () => {
      const child = spawn(process.execPath, [script], { env, stdio: ['ignore', 'pipe', 'inherit'] })
      return new Promise<ChildProcess>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve(child))
        child.once('exit', (code) => reject(new Error(`a worker exited (${code}) before it was ready`)))
      })
    }),
  )
}

export async function stopWorkers(children: ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map(async (child) => {
      if (child.exitCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    }),
  )
}

/** Redis's `used_memory`, in bytes. */
export async function redisMemory(queue: Queue): Promise<number> {
  const info = await (await queue.backend.connection.client).info()
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? Number.NaN)
}

/** Polls until `check` says so; `progress` is printed every few seconds. */
export async function until(check: () => Promise<boolean>, progress?: () => Promise<string>): Promise<void> {
  let last = Date.now()
  while (!(await check())) {
    await pause(100)
    if (progress !== undefined && Date.now() - last > 5_000) {
      last = Date.now()
      console.error(`  … ${await progress()}`)
    }
  }
}
