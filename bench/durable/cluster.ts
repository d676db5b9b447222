// The durable side of bench/durable: a queue of parked jobs, the worker processes that park
// them, and what Redis holds for them.
import { spawn, type ChildProcess } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import type { ThreadedMock } from '../lib/mock-thread.ts'
import { Queue } from 'bullmq'
import { Redis } from 'ioredis'
import { pause } from '../waiters/setup.ts'

export const QUEUE = 'bench-durable'
export const PREFIX = 'bench'

export function connectionOf(redisUrl: string): { host: string; port: number } {
  const url = new URL(redisUrl)
  return { host: url.hostname, port: Number(url.port || 6379) }
}

/** Starts `count` worker processes; resolves once each says it is ready. */
export async function startWorkers(count: number, redisUrl: string, server: Pick<ThreadedMock, 'url' | 'apiKey'>): Promise<ChildProcess[]> {
  const script = fileURLToPath(new URL('./worker.ts', import.meta.url))
  // BENCH_DURABLE_CPU_PROF=<dir> writes each worker's CPU profile there when it stops.
  const profile = process.env['BENCH_DURABLE_CPU_PROF']
  const flags = profile === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${profile}`]
  const env = { ...process.env, REDIS_URL: redisUrl, API_URL: server.url, API_KEY: server.apiKey, QUEUE, PREFIX, CONCURRENCY: '50' }
  return Promise.all(
    Array.from({ length: count }, () => {
      const child = spawn(process.execPath, [...flags, script], { env, stdio: ['ignore', 'pipe', 'inherit'] })
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

/** Commands Redis has run since it started, by name (`INFO commandstats`); a script counts once. */
export async function redisCommands(redisUrl: string): Promise<Map<string, number>> {
  const redis = new Redis(redisUrl)
  const info = await redis.info('commandstats')
  redis.disconnect()
  return new Map([...info.matchAll(/cmdstat_([^:]+):calls=(\d+)/g)].map(([, name, calls]) => [name ?? '', Number(calls)]))
}

/** Commands run between two `redisCommands` readings, per job, the most frequent first. */
export function commandsPer(before: Map<string, number>, after: Map<string, number>, jobs: number): [string, number][] {
  const delta = [...after].map(([name, calls]): [string, number] => [name, (calls - (before.get(name) ?? 0)) / jobs])
  return delta.filter(([, perJob]) => perJob >= 0.01).sort((a, b) => b[1] - a[1])
}

/** CPU seconds Redis has used since it started (`INFO cpu`, user + system). */
export async function redisCpuSeconds(queue: Queue): Promise<number> {
  const info = await (await queue.backend.connection.client).info()
  const seconds = (field: string) => Number(new RegExp(`${field}:([\\d.]+)`).exec(info)?.[1] ?? Number.NaN)
  return seconds('used_cpu_user') + seconds('used_cpu_sys')
}

/** CPU seconds the worker processes have used so far (Linux's /proc; NaN elsewhere). */
export async function workersCpuSeconds(children: readonly ChildProcess[]): Promise<number> {
  const ticksPerSecond = 100 // USER_HZ, 100 on every Linux architecture Node runs on
  const ticks = await Promise.all(
    children.map(async (child) => {
      const stat = await readFile(`/proc/${child.pid}/stat`, 'utf8').catch(() => '')
      // Fields after the command name (which may hold spaces): utime and stime are 14th and 15th.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      return Number(fields[11]) + Number(fields[12])
    }),
  )
  return ticks.reduce((sum, value) => sum + value, 0) / ticksPerSecond
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
