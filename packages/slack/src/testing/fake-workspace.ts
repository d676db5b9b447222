/** One Web API call the fake received, with its arguments decoded. */
export interface FakeSlackCall {
  /** The method, such as `chat.postMessage`. */
  method: string
  /** The arguments; `blocks` and `view` are parsed back from JSON. */
  args: Record<string, unknown>
  /** The `error` the fake answered with, or `undefined` when it answered `ok: true`. */
  error: string | undefined
}

/** A message as it stands in the fake workspace. */
export interface FakeSlackMessage {
  /** The channel id. */
  channel: string
  /** The message's timestamp (its id). */
  ts: string
  /** The notification text. */
  text: string
  /** The blocks, as last sent. */
  blocks: Array<Record<string, unknown>>
  /** How many times `chat.update` changed it. */
  updates: number
}

/** A message one user was shown, visible to them only (`chat.postEphemeral`). */
export interface FakeEphemeral {
  channel: string
  user: string
  text: string
}

/** A modal open in the fake workspace. */
export interface FakeView {
  id: string
  /** Who it was opened for. */
  user: string
  /** The view, as last sent (`views.open` or `views.update`). */
  view: Record<string, unknown>
}

type Answer = Record<string, unknown>

/**
 * The state behind the fake Web API: channels, messages, ephemeral messages, trigger ids and
 * open views, changed by the handful of methods a reviewer uses. Each method checks what
 * Slack checks and answers Slack's error codes.
 */
export class FakeWorkspace {
  readonly calls: FakeSlackCall[] = []
  readonly messages: FakeSlackMessage[] = []
  readonly ephemerals: FakeEphemeral[] = []
  readonly views: FakeView[] = []
  readonly #channels = new Map<string, string>()
  readonly #triggers = new Map<string, string>()
  #sequence = 0

  /** The id of a channel by name (created on first use), as Slack resolves `#name`. */
  channelId(nameOrId: string): string {
    if (/^[CGD][A-Z0-9]{8,}$/.test(nameOrId)) return nameOrId
    const name = nameOrId.replace(/^#/, '')
    let id = this.#channels.get(name)
    if (id === undefined) {
      id = `C${String(this.#channels.size + 1).padStart(10, '0')}`
      this.#channels.set(name, id)
    }
    return id
  }

  /** A fresh single-use trigger id for a click by `user`. */
  trigger(user: string): string {
    const id = `${++this.#sequence}.trigger.${user}`
    this.#triggers.set(id, user)
    return id
  }

  #ts(): string {
    return `1700000000.${String(++this.#sequence).padStart(6, '0')}`
  }

  /** Answers one Web API call. */
  call(method: string, args: Record<string, unknown>): Answer {
    const answer = this.#answer(method, args)
    this.calls.push({ method, args, error: answer['ok'] === false ? String(answer['error']) : undefined })
    return answer
  }

  #answer(method: string, args: Record<string, unknown>): Answer {
    const blocks = Array.isArray(args['blocks']) ? (args['blocks'] as Array<Record<string, unknown>>) : []
    if (blocks.length > 50) return { ok: false, error: 'invalid_blocks' }
    for (const block of blocks) {
      const text = (block['text'] as { text?: unknown } | undefined)?.text
      if (block['type'] === 'section' && typeof text === 'string' && text.length > 3000) return { ok: false, error: 'invalid_blocks' }
    }
    switch (method) {
      case 'chat.postMessage': {
        if (typeof args['channel'] !== 'string') return { ok: false, error: 'channel_not_found' }
        const message = { channel: this.channelId(args['channel']), ts: this.#ts(), text: String(args['text'] ?? ''), blocks, updates: 0 }
        this.messages.push(message)
        return { ok: true, channel: message.channel, ts: message.ts, message: { text: message.text, blocks } }
      }
      case 'chat.update': {
        // Slack wants the id here: a name is "channel_not_found".
        const message = this.messages.find((each) => each.channel === args['channel'] && each.ts === args['ts'])
        if (message === undefined) {
          return { ok: false, error: this.messages.some((each) => each.channel === args['channel']) ? 'message_not_found' : 'channel_not_found' }
        }
        message.text = String(args['text'] ?? message.text)
        if (args['blocks'] !== undefined) message.blocks = blocks
        message.updates += 1
        return { ok: true, channel: message.channel, ts: message.ts }
      }
      case 'chat.postEphemeral': {
        this.ephemerals.push({ channel: String(args['channel']), user: String(args['user']), text: String(args['text'] ?? '') })
        return { ok: true, message_ts: this.#ts() }
      }
      case 'views.open': {
        const user = this.#triggers.get(String(args['trigger_id']))
        if (user === undefined) return { ok: false, error: 'invalid_trigger_id' }
        this.#triggers.delete(String(args['trigger_id']))
        const view = { id: `V${String(++this.#sequence).padStart(10, '0')}`, user, view: args['view'] as Record<string, unknown> }
        this.views.push(view)
        return { ok: true, view: { id: view.id, ...view.view } }
      }
      case 'views.update': {
        const view = this.views.find((each) => each.id === args['view_id'])
        if (view === undefined) return { ok: false, error: 'not_found' }
        view.view = args['view'] as Record<string, unknown>
        return { ok: true, view: { id: view.id, ...view.view } }
      }
      default:
        return { ok: false, error: 'unknown_method' }
    }
  }
}
