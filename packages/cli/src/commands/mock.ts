import type { FaultOptions } from '@signoff/mock/node'
import { parseDuration, parseInteger } from '../args.js'
import { COMMON_OPTIONS, stringOption, type CommandContext, type CommandSpec } from '../command.js'
import { EXIT } from '../exit-codes.js'
import { paint } from '../output.js'
import { DIALECT_OPTIONS, FAULT_OPTIONS, mockOptions } from './mock-options.js'
import { untilAborted } from './until-aborted.js'

const HELP = 'signoff mock'
const CHECKPOINT = 'review'

/** `signoff mock`: the mock PromptRails API on 127.0.0.1, until Ctrl-C. */
export const mockCommand: CommandSpec = {
  name: 'mock',
  summary: 'Run a mock PromptRails API on 127.0.0.1 until Ctrl-C',
  options: {
    port: { type: 'string', value: 'port', description: 'port to listen on; 0 picks a free one (default 4010)' },
    webhook: { type: 'string', value: 'url', description: 'send every event to this URL, signed (needs --secret)' },
    secret: { type: 'string', value: 'whsec_…', description: 'signing secret for --webhook (default: $PROMPTRAILS_WEBHOOK_SECRET)' },
    pending: { type: 'string', value: 'n', description: 'start with n pending approvals of the demo agent (default 0)' },
    'expires-in': { type: 'string', value: 'duration', description: 'the demo agent\'s approvals expire after this long (default: never)' },
    ...DIALECT_OPTIONS,
    ...FAULT_OPTIONS,
    ...COMMON_OPTIONS,
  },
  notes: [
    'State lives in memory and is gone when the mock stops. It starts with a workspace, an API key that is printed (it only works here), and a demo agent whose runs wait for approval at the checkpoint "review".',
    'The first line of output is the URL, so scripts can read it. The contract\'s OpenAPI document is served at <url>/openapi.json, for code generators and API explorers.',
    'Dialects: standard answers a second decision 409 and a limit over 100 with 400; emulator answers like the public emulator (400 for an already decided approval, a limit over 100 reset to 20, Idempotency-Key ignored); newer spells list meta "pages".',
    'Faults: --faults 0.2 makes a fifth of requests fail (drawn from every kind, or from --fault-kinds), the same way on every run with the same --seed; --fault-route narrows them to one route. Injected answers carry the header x-signoff-mock-fault. Kinds: server_error, bad_gateway, unavailable, rate_limit, rate_limit_date, reset, slow, lost_response, truncated, not_json.',
  ],
  examples: [
    'signoff mock --pending 3',
    'signoff mock --dialect emulator --error-bodies bare',
    'signoff mock --faults 0.3 --fault-kinds reset,lost_response --fault-route "POST /approvals/:id/decide"',
    'signoff mock --port 0 --webhook http://127.0.0.1:3000/webhooks --secret whsec_…',
  ],
  async run(context) {
    const mock = await loadMock()
    const { startMockServer } = mock
    const options = mockOptions(context, { faultKinds: mock.FAULT_KINDS, dialects: mock.DIALECTS })
    // Faults start after the seeding below, so that --pending always gets its runs.
    const { faults, ...serverOptions } = options
    const server = await startMockServer(serverOptions)
    try {
      const { apiKey, workspaceId } = server.mock.store.defaults
      const agent = server.mock.store.createAgent({ name: 'Demo agent', config: demoConfig(context) })
      server.mock.store.onEvent((event) => {
        const { approval, execution } = event.data
        context.out.note(`${paint(context.out, 'dim', event.timestamp)} ${event.type}: approval ${approval.id} ${approval.status}, execution ${execution.id} ${execution.status}`)
      })
      const pending = parseInteger(stringOption(context, 'pending') ?? '0', 'pending', HELP, 0, 1_000)
      for (let index = 1; index <= pending; index++) server.mock.store.execute(agent.id, { message: `Demo question ${index}` })
      if (faults) server.mock.faults.configure(faults)

      const out = context.out
      out.line(server.url)
      out.line(`${paint(out, 'dim', 'API key')}    ${apiKey}  (the mock's own; it works nowhere else)`)
      out.line(`${paint(out, 'dim', 'workspace')}  ${workspaceId}`)
      out.line(`${paint(out, 'dim', 'agent')}      ${agent.id}  (runs wait for approval at "${CHECKPOINT}")`)
      out.line(`${paint(out, 'dim', 'dialect')}    ${server.mock.dialect}${options.errorBodies === undefined ? '' : `, error bodies ${options.errorBodies}`}`)
      out.line(`${paint(out, 'dim', 'openapi')}    ${server.url}/openapi.json`)
      if (options.webhooks) out.line(`${paint(out, 'dim', 'webhooks')}   ${stringOption(context, 'webhook') ?? ''}  (signed; the secret is not shown)`)
      if (faults) out.line(`${paint(out, 'dim', 'faults')}     ${describeFaults(faults)}`)
      out.line('')
      out.line('Try, in another terminal:')
      out.line(`  export PROMPTRAILS_BASE_URL=${server.url} PROMPTRAILS_API_KEY=${apiKey}`)
      out.line(`  curl -s -X POST $PROMPTRAILS_BASE_URL/api/v1/agents/${agent.id}/execute -H "X-API-Key: $PROMPTRAILS_API_KEY" -H 'content-type: application/json' -d '{"input":{"message":"hello"}}'`)
      out.line('  signoff approvals list --status pending')
      out.line('Press Ctrl-C to stop.')
      await untilAborted(context.signal)
      out.note('stopping the mock')
      if (faults) {
        const counts = Object.entries(server.mock.faults.counts)
        const total = counts.reduce((sum, [, count]) => sum + (count ?? 0), 0)
        out.note(`injected ${total} fault${total === 1 ? '' : 's'}${total > 0 ? `: ${counts.map(([kind, count]) => `${kind} ${count}`).join(', ')}` : ''}`)
      }
    } finally {
      await server.close()
    }
    return EXIT.ok
  },
}

function describeFaults(faults: FaultOptions): string {
  const [rule] = faults.rules ?? []
  const share = Math.round((rule?.rate ?? 0) * 1000) / 10
  return `${share}% of requests to ${rule?.route ?? 'every route'} fail (${rule?.kinds?.join(',') ?? 'every kind'}; seed ${faults.seed ?? 1})`
}

function demoConfig(context: CommandContext): Record<string, unknown> {
  const config: Record<string, unknown> = { approval_required: true, checkpoint_name: CHECKPOINT, temperature: 0.7 }
  const expiresIn = stringOption(context, 'expires-in')
  if (expiresIn !== undefined) config['approval_expires_in_seconds'] = parseDuration(expiresIn, 'expires-in', HELP) / 1000
  return config
}

// Loaded when the command runs, so the other commands do not pay for starting the mock's server code.
function loadMock(): Promise<typeof import('@signoff/mock/node')> {
  return import('@signoff/mock/node')
}
