import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { WebhookEvent } from '@signoff/client'
import { WEBHOOK_EVENT_TYPES } from '@signoff/schemas'
import { createWebhookHandler, type WebhookHandlers } from '@signoff/node'
import { parseInteger } from '../args.js'
import { COMMON_OPTIONS, stringOption, type CommandSpec } from '../command.js'
import { UsageError } from '../errors.js'
import { EXIT } from '../exit-codes.js'
import { paint, paintStatus, type Output } from '../output.js'
import { checkSigningSecret } from './signing-secret.js'
import { untilAborted } from './until-aborted.js'

const HELP = 'signoff webhooks listen'

/** `signoff webhooks listen`: a local receiver that verifies each delivery and prints it. */
export const webhooksListen: CommandSpec = {
  name: 'webhooks listen',
  summary: 'Receive webhooks on 127.0.0.1, verify each signature, print each event',
  options: {
    port: { type: 'string', value: 'port', description: 'port to listen on; 0 picks a free one (default 3000)' },
    secret: { type: 'string', value: 'whsec_…', description: 'signing secret (default: $PROMPTRAILS_WEBHOOK_SECRET)' },
    json: { type: 'boolean', description: 'print each event as one line of JSON instead of a summary' },
    ...COMMON_OPTIONS,
  },
  notes: [
    'Any path is accepted. A delivery that fails verification is answered 400 or 401 and noted on stderr; redeliveries of a message already printed are answered 200 and not printed again.',
    'The first line of output is the URL to subscribe, so scripts can read it.',
  ],
  examples: ['signoff webhooks listen --port 3000 --secret whsec_…', 'signoff mock --webhook http://127.0.0.1:3000/ --secret whsec_…   # in another terminal'],
  async run(context) {
    const port = parseInteger(stringOption(context, 'port') ?? '3000', 'port', HELP, 0, 65_535)
    const flag = stringOption(context, 'secret')
    const setting = flag === undefined ? 'PROMPTRAILS_WEBHOOK_SECRET' : '--secret'
    const secret = flag ?? context.env['PROMPTRAILS_WEBHOOK_SECRET']
    context.secrets.add(secret)
    if (!secret?.trim()) throw new UsageError('no signing secret: pass --secret whsec_… or set PROMPTRAILS_WEBHOOK_SECRET', HELP)
    checkSigningSecret(secret, setting, HELP)

    const out = context.out
    const print = (event: WebhookEvent) => (context.options['json'] ? out.json(event) : out.line(summarise(out, event)))
    const on: WebhookHandlers<unknown> = {}
    for (const type of WEBHOOK_EVENT_TYPES) on[type] = print
    const handler = createWebhookHandler({
      secret,
      on,
      // The receiver's errors never hold the secret; the CLI redacts it anyway.
      onError: (error) => out.note(context.secrets.redact(`rejected a delivery: ${error instanceof Error ? error.message : String(error)}`)),
    })
    const server = createServer(handler)
    await listen(server, port)
    const { port: actual } = server.address() as AddressInfo
    out.line(`http://127.0.0.1:${actual}/`)
    out.note('listening for webhooks; press Ctrl-C to stop')
    await untilAborted(context.signal)
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
    return EXIT.ok
  },
}

/** `<time> <type>: approval <id> <status>, execution <id> <status>`: one event on one line. */
function summarise(output: Output, event: WebhookEvent): string {
  const time = paint(output, 'dim', event.timestamp)
  const data: unknown = event.data
  if (!isApprovalData(data)) return `${time} ${event.type}`
  const { approval, execution } = data
  const checkpoint = approval.checkpoint_name ? ` at ${approval.checkpoint_name}` : ''
  return `${time} ${event.type}: approval ${approval.id} ${paintStatus(output, approval.status)}${checkpoint}, execution ${execution.id} ${execution.status}`
}

interface ApprovalData {
  approval: { id: string; status: string; checkpoint_name?: string }
  execution: { id: string; status: string }
}

function isApprovalData(data: unknown): data is ApprovalData {
  const value = data as Partial<ApprovalData> | null
  return typeof value?.approval?.id === 'string' && typeof value.execution?.id === 'string'
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
}
