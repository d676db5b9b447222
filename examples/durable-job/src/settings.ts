// What the example's processes share: where Redis and the API are, read from the environment
// that main.ts hands each process.
import { Signoff } from '@signoff/client'
import type { ApprovalGateOptions } from '@signoff/bullmq'

export const QUEUE = 'refunds'
export const PREFIX = 'signoff-example'

function required(name: string): string {
  const value = process.env[name]
  if (value === undefined || value === '') throw new Error(`${name} is not set: start the example with main.ts`)
  return value
}

export function connection(): { host: string; port: number } {
  const url = new URL(required('REDIS_URL'))
  return { host: url.hostname, port: Number(url.port || 6379) }
}

export function client(): Signoff {
  return new Signoff({ apiKey: required('PROMPTRAILS_API_KEY'), baseUrl: required('PROMPTRAILS_BASE_URL') })
}

export function gateOptions(): ApprovalGateOptions {
  // A short sweep interval, for a demo: the sweep is the safety net for a lost webhook.
  return { connection: connection(), prefix: PREFIX, sweepInterval: 5_000 }
}

export function webhookSecret(): string {
  return required('PROMPTRAILS_WEBHOOK_SECRET')
}

/** One line for main.ts to relay, prefixed with the process's name. */
export function say(line: string): void {
  console.log(`[${process.env['PROCESS_NAME'] ?? process.pid}] ${line}`)
}
