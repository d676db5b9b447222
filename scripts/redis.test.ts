import { connect } from 'node:net'
import { describe, expect, it } from 'vitest'
import { startRedis } from './redis.ts'

function pong(url: string): Promise<string> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname, () => socket.write('PING\r\n'))
    socket.once('data', (data) => {
      socket.destroy()
      resolve(data.toString().trim())
    })
    socket.once('error', (error) => resolve(error.message))
  })
}

describe('scripts/redis.ts', () => {
  it('uses $REDIS_URL as given, starting nothing', async () => {
    const redis = await startRedis({ REDIS_URL: 'redis://redis.example:6390' })
    expect(redis.url).toBe('redis://redis.example:6390')
    await redis.stop()
  })

  it('starts a private redis-server on a loopback port, answering PING until stopped', async () => {
    const redis = await startRedis({})
    expect(redis.url).toMatch(/^redis:\/\/127\.0\.0\.1:\d+$/)
    expect(await pong(redis.url)).toBe('+PONG')
    await redis.stop()
    expect(await pong(redis.url)).toMatch(/ECONNREFUSED/)
  })

  it('stops with how to get Redis when the chosen binary does not run', async () => {
    const attempt = startRedis({ REDIS_SERVER: '/nonexistent/redis-server' })
    await expect(attempt).rejects.toThrow(/REDIS_SERVER is \/nonexistent\/redis-server, and it does not run/)
    await expect(attempt).rejects.toThrow(/sudo apt-get install redis-server/)
    await expect(attempt).rejects.toThrow(/set REDIS_URL/)
  })
})
