/** vitest globalSetup: one Redis for the whole run (see redis.ts), given to tests as `redisUrl`. */
import type { TestProject } from 'vitest/node'
import { startRedis } from './redis.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string
  }
}

export default async function setup(project: TestProject) {
  const redis = await startRedis()
  project.provide('redisUrl', redis.url)
  return () => redis.stop()
}
