/**
 * A Redis for a test run, a benchmark or an example: `$REDIS_URL` when set, otherwise a
 * private `redis-server` on a free loopback port (no persistence), stopped afterwards.
 * A missing `redis-server` is installed from Debian's package when we are root; otherwise
 * this stops with what to do. `$REDIS_SERVER` names another binary.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { connect, createServer } from 'node:net'

/** A Redis to use, and how to let it go. */
export interface RunningRedis {
  /** `redis://127.0.0.1:<port>`, or `$REDIS_URL`. */
  url: string
  /** Stops the server this started (nothing, for `$REDIS_URL`). */
  stop(): Promise<void>
}

const DEFAULT_BINARY = 'redis-server'

function installed(binary: string): boolean {
  return spawnSync(binary, ['--version'], { stdio: 'ignore' }).status === 0
}

// Progress goes to stderr, so it never mixes with what tests or benchmarks print.
function apt(...args: string[]): boolean {
  console.error(`+ apt-get ${args.join(' ')}`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  return spawnSync('apt-get', args, { stdio: ['ignore', process.stderr, process.stderr], env }).status === 0
}

function fail(reason: string): never {
  throw new Error(
    [
      `Redis is needed (the BullMQ tests, bench/durable, examples/durable-job): ${reason}.`,
      'Install it (Debian or Ubuntu: sudo apt-get install redis-server), or set REDIS_URL to a',
      'Redis you can use (redis://host:port), then run again.',
    ].join('\n'),
  )
}

/** Makes sure `redis-server` (or `$REDIS_SERVER`) runs, installing Debian's package when root; answers the binary. */
export function ensureRedisServer(env: Record<string, string | undefined> = process.env): string {
  const chosen = env['REDIS_SERVER']?.trim()
  const binary = chosen === undefined || chosen === '' ? DEFAULT_BINARY : chosen
  if (installed(binary)) return binary
  // An explicit REDIS_SERVER is the user's choice: installing a package would not put a server there.
  if (binary !== DEFAULT_BINARY) fail(`REDIS_SERVER is ${binary}, and it does not run`)
  const canInstall = process.getuid?.() === 0 && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0
  if (!canInstall) fail(`no ${binary} on PATH`)
  console.error(`${binary} is missing; installing Debian's redis-server package.`)
  if (!apt('update') || !apt('install', '-y', 'redis-server')) fail('installing the redis-server package failed (see above)')
  if (!installed(binary)) fail(`the redis-server package installed, but ${binary} is still not on PATH`)
  return binary
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  if (typeof address !== 'object' || address === null) throw new Error('no free port found')
  return address.port
}

function pings(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    const done = (ok: boolean) => {
      socket.destroy()
      resolve(ok)
    }
    socket.once('error', () => done(false))
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')))
    socket.once('connect', () => socket.write('PING\r\n'))
  })
}

async function answering(binary: string, port: number, child: ChildProcess): Promise<void> {
  for (let tries = 0; tries < 200; tries++) {
    if (child.exitCode !== null) throw new Error(`${binary} exited with code ${child.exitCode} before it answered`)
    if (await pings(port)) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  child.kill('SIGKILL')
  throw new Error(`${binary} on port ${port} did not answer PING within 10 s`)
}

/** Uses `$REDIS_URL`, or starts a private `redis-server` on a free loopback port. */
export async function startRedis(env: Record<string, string | undefined> = process.env): Promise<RunningRedis> {
  const given = env['REDIS_URL']?.trim()
  if (given !== undefined && given !== '') return { url: given, stop: async () => undefined }
  const binary = ensureRedisServer(env)
  const port = await freePort()
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning']
  const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'inherit'] })
  await answering(binary, port, child)
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    },
  }
}

/** ioredis-style connection options for a `redis://host:port` URL (what BullMQ takes). */
export function redisConnection(url: string): { host: string; port: number; username?: string; password?: string; db?: number } {
  const parsed = new URL(url)
  const options: { host: string; port: number; username?: string; password?: string; db?: number } = {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
  }
  if (parsed.username !== '') options.username = decodeURIComponent(parsed.username)
  if (parsed.password !== '') options.password = decodeURIComponent(parsed.password)
  const db = parsed.pathname.slice(1)
  if (db !== '') options.db = Number(db)
  return options
}
