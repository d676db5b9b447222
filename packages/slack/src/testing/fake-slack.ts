import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { readRawBody } from '@signoff/node'
import { signInteraction } from './sign.js'
import { payloadUser, type FakeSlackUser } from './fake-users.js'
import { FakeWorkspace, type FakeEphemeral, type FakeSlackCall, type FakeSlackMessage, type FakeView } from './fake-workspace.js'

/** Options of {@link startFakeSlack}. */
export interface FakeSlackOptions {
  /** The bot token it accepts; calls with another get `invalid_auth`. @defaultValue `'xoxb-fake-token'` */
  token?: string | undefined
  /** The signing secret it signs interactions with. @defaultValue a random one */
  signingSecret?: string | undefined
  /** Where clicks and submissions are POSTed (the app's Interactivity Request URL); can be set later. */
  interactivityUrl?: string | undefined
}

/** What the fake Web API does when it is not answering normally. */
export type FakeSlackOutage = 'hang' | 'down' | 'rate_limited' | undefined

/** A running fake of Slack: the Web API a reviewer calls, and the people who click. */
export interface FakeSlack {
  /** Give it as `slackApiUrl`: `http://127.0.0.1:<port>/api/`. */
  readonly url: string
  /** The token it accepts. */
  readonly token: string
  /** The signing secret its interactions are signed with. */
  readonly signingSecret: string
  /** Where clicks and submissions are POSTed. */
  interactivityUrl: string | undefined
  /** Every call received, oldest first. */
  readonly calls: readonly FakeSlackCall[]
  /** Messages as they stand now. */
  readonly messages: readonly FakeSlackMessage[]
  /** Ephemeral messages shown, oldest first. */
  readonly ephemerals: readonly FakeEphemeral[]
  /** Modals opened, oldest first. */
  readonly views: readonly FakeView[]
  /** The calls of one method, oldest first. */
  callsTo(method: string): FakeSlackCall[]
  /**
   * `'hang'`: calls are received but never answered (until the outage ends); `'down'`: every
   * call gets a 503; `'rate_limited'`: every call gets a 429 asking to wait a minute.
   * `undefined` ends the outage.
   */
  outage(mode: FakeSlackOutage): void
  /** `user` clicks the button with `actionId` in a message; answers the interactivity URL's response. */
  click(message: Pick<FakeSlackMessage, 'channel' | 'ts'>, actionId: string, user: FakeSlackUser): Promise<Response>
  /** `user` submits an open modal with `values` (`{ [blockId]: { [actionId]: text } }`). */
  submit(view: Pick<FakeView, 'id'>, values: Record<string, Record<string, string>>, user: FakeSlackUser): Promise<Response>
  /** Stops the server. */
  close(): Promise<void>
}

const findButton = (blocks: Array<Record<string, unknown>>, actionId: string): Record<string, unknown> | undefined => {
  for (const block of blocks) {
    const elements = [...((block['elements'] as unknown[] | undefined) ?? []), block['accessory']] as Array<Record<string, unknown> | undefined>
    const button = elements.find((element) => element?.['type'] === 'button' && element['action_id'] === actionId)
    if (button !== undefined) return button
  }
  return undefined
}

// WebClient sends form fields; objects (blocks, view) travel as JSON text inside them.
const decodeArguments = (bytes: Uint8Array, contentType: string): Record<string, unknown> => {
  const body = new TextDecoder().decode(bytes)
  if (contentType.includes('application/json')) return JSON.parse(body) as Record<string, unknown>
  const args: Record<string, unknown> = {}
  for (const [key, value] of new URLSearchParams(body)) {
    args[key] = /^[[{]/.test(value) ? JSON.parse(value) : value
  }
  return args
}

/**
 * Starts a fake Slack on 127.0.0.1: the Web API methods a reviewer calls (`chat.postMessage`,
 * `chat.update`, `chat.postEphemeral`, `views.open`, `views.update`), recorded and kept as
 * state, and people who click buttons and submit modals, signed as Slack signs them.
 *
 * @example
 * ```ts
 * const slack = await startFakeSlack()
 * const reviewer = new SlackReviewer(client, { token: slack.token, signingSecret: slack.signingSecret, channel: '#approvals', slackApiUrl: slack.url })
 * slack.interactivityUrl = 'http://127.0.0.1:3001/slack/interactions'
 * await slack.click(slack.messages[0], 'signoff_approve', { id: 'U0ALICE' })
 * ```
 */
export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const token = options.token ?? 'xoxb-fake-token'
  const signingSecret = options.signingSecret ?? Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('hex')
  const workspace = new FakeWorkspace()
  let mode: FakeSlackOutage
  const held = new Set<ServerResponse>()

  const send = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
  }
  const serve = async (request: IncomingMessage, response: ServerResponse) => {
    const body = await readRawBody(request, { maxBytes: 10 * 1024 * 1024, timeoutMs: 10_000 })
    if (mode === 'hang') return void held.add(response)
    if (mode === 'down') return send(response, 503, { ok: false, error: 'service_unavailable' })
    if (mode === 'rate_limited') {
      response.writeHead(429, { 'content-type': 'application/json', 'retry-after': '60' })
      return void response.end(JSON.stringify({ ok: false, error: 'ratelimited' }))
    }
    const method = (request.url ?? '').replace(/^\/api\//, '').split('?')[0] ?? ''
    if (request.headers.authorization !== `Bearer ${token}`) return send(response, 200, { ok: false, error: 'invalid_auth' })
    send(response, 200, workspace.call(method, decodeArguments(body, request.headers['content-type'] ?? '')))
  }
  const server = createServer((request, response) => {
    serve(request, response).catch(() => send(response, 500, { ok: false, error: 'fatal_error' }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  const post = async (payload: unknown): Promise<Response> => {
    if (fake.interactivityUrl === undefined) throw new Error('the fake Slack has no interactivityUrl to post to')
    const { body, headers } = signInteraction(signingSecret, payload)
    return fetch(fake.interactivityUrl, { method: 'POST', body, headers })
  }

  const fake: FakeSlack = {
    url: `http://127.0.0.1:${port}/api/`,
    token,
    signingSecret,
    interactivityUrl: options.interactivityUrl,
    calls: workspace.calls,
    messages: workspace.messages,
    ephemerals: workspace.ephemerals,
    views: workspace.views,
    callsTo: (method) => workspace.calls.filter((call) => call.method === method),
    outage: (next) => {
      mode = next
      if (next !== 'hang') {
        for (const response of held) send(response, 503, { ok: false, error: 'service_unavailable' })
        held.clear()
      }
    },
    click: async (at, actionId, user) => {
      const message = workspace.messages.find((each) => each.channel === at.channel && each.ts === at.ts)
      const button = message && findButton(message.blocks, actionId)
      if (message === undefined || button === undefined) throw new Error(`no button ${actionId} in message ${at.ts}`)
      return post({
        type: 'block_actions',
        ...payloadUser(user),
        api_app_id: 'A0FAKEAPP',
        trigger_id: workspace.trigger(user.id),
        container: { type: 'message', message_ts: message.ts, channel_id: message.channel, is_ephemeral: false },
        channel: { id: message.channel, name: 'approvals' },
        message: { type: 'message', ts: message.ts, text: message.text, blocks: message.blocks },
        actions: [{ type: 'button', action_id: actionId, block_id: 'b', value: button['value'], action_ts: String(Date.now() / 1000) }],
      })
    },
    submit: async (at, values, user) => {
      const open = workspace.views.find((each) => each.id === at.id)
      if (open === undefined) throw new Error(`no open view ${at.id}`)
      const state = Object.fromEntries(
        Object.entries(values).map(([block, actions]) => [
          block,
          Object.fromEntries(Object.entries(actions).map(([action, value]) => [action, { type: 'plain_text_input', value }])),
        ]),
      )
      return post({ type: 'view_submission', ...payloadUser(user), view: { id: open.id, ...open.view, state: { values: state } } })
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const response of held) response.destroy()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
  return fake
}
