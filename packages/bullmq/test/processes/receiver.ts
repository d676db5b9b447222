// A webhook receiver process: verified deliveries wake parked jobs through its own gate.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createWebhookHandler } from '@signoff/node'
import { ApprovalGate } from '../../dist/index.js'
import { client, gateOptions, report, setting } from './env.ts'

const gate = new ApprovalGate(client(), gateOptions())
const handler = createWebhookHandler({
  secret: setting('WEBHOOK_SECRET'),
  on: gate.webhookHandlers(),
  onError: (error) => report('error', { message: error instanceof Error ? error.message : String(error) }),
})
const server = createServer((request, response) => {
  if (request.headers['webhook-id'] !== undefined) report('delivery', { id: request.headers['webhook-id'] })
  handler(request, response)
})
server.listen(0, '127.0.0.1', () => {
  report('ready', { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks` })
})
process.on('SIGTERM', () => {
  server.close()
  void gate.close().then(() => process.exit(0))
})
