// What the test processes share: their settings from the environment, and one line of JSON
// on stdout per thing they did, which the tests read.
import { Signoff } from '@signoff/client'

export function setting(name: string): string {
  const value = process.env[name]
  if (value === undefined || value === '') throw new Error(`${name} is not set`)
  return value
}

export function optionalNumber(name: string): number | undefined {
  const value = process.env[name]
  return value === undefined || value === '' ? undefined : Number(value)
}

export function report(event: string, details: Record<string, unknown> = {}): void {
  process.stdout.write(`${JSON.stringify({ event, ...details })}\n`)
}

export function connection(): { host: string; port: number } {
  const url = new URL(setting('REDIS_URL'))
  return { host: url.hostname, port: Number(url.port || 6379) }
}

export function client(): Signoff {
  return new Signoff({ apiKey: setting('API_KEY'), baseUrl: setting('API_URL') })
}

export function gateOptions() {
  return {
    connection: connection(),
    prefix: setting('GATE_PREFIX'),
    name: process.env['GATE_NAME'] ?? 'default',
    maxPark: optionalNumber('MAX_PARK'),
    sweepInterval: optionalNumber('SWEEP_INTERVAL'),
  }
}
