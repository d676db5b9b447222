// The webhook receiver: verified deliveries wake the parked jobs, whichever worker parked them.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { ApprovalGate } from '@signoff/bullmq'
import { createWebhookHandler } from '@signoff/node'
import { client, gateOptions, say, webhookSecret } from './settings.ts'

const gate = new ApprovalGate(client(), gateOptions())
const server = createServer(createWebhookHandler({ secret: webhookSecret(), on: gate.webhookHandlers() }))
server.listen(0, '127.0.0.1', () => say(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`))

process.on('SIGTERM', () => {
  server.close()
  void gate.close().then(() => process.exit(0))
})
