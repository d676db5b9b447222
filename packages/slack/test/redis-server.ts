// A Redis for the tests: $REDIS_URL when set, otherwise a redis-server of our own on a free
// loopback port, with no persistence, stopped when the tests end.
import { spawn } from 'node:child_process'
import { createServer, type AddressInfo } from 'node:net'
import { Redis } from 'ioredis'

export interface TestRedis {
  url: string
  stop(): Promise<void>
}

const REDIS_SERVER = process.env['REDIS_SERVER'] ?? '/usr/bin/redis-server'

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

async function answersPing(url: string): Promise<boolean> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null })
  redis.on('error', () => undefined)
  try {
    await redis.connect()
    return (await redis.ping()) === 'PONG'
  } catch {
    return false
  } finally {
    redis.disconnect()
  }
}

export async function startRedis(): Promise<TestRedis> {
  const given = process.env['REDIS_URL']
  if (given) return { url: given, stop: async () => undefined }
  const port = await freePort()
  const child = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const url = `redis://127.0.0.1:${port}`
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`${REDIS_SERVER} exited with code ${child.exitCode}; install redis-server or set REDIS_URL`)
    if (await answersPing(url)) {
      return {
        url,
        stop: async () => {
          child.kill('SIGTERM')
          await exited
        },
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  child.kill('SIGKILL')
  throw new Error(`redis-server did not answer PING on port ${port}`)
}
