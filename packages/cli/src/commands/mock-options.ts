import type { DialectName, ErrorBodyShape, FaultKind, FaultRule, MockServerOptions } from '@signoff/mock/node'
import { parseDuration, parseInteger } from '../args.js'
import { stringOption, type CommandContext, type OptionSpecs } from '../command.js'
import { UsageError } from '../errors.js'
import { checkSigningSecret } from './signing-secret.js'

const HELP = 'signoff mock'

/** The flags that make `signoff mock` fail on purpose, to try a client against a hostile network. */
export const FAULT_OPTIONS: OptionSpecs = {
  faults: { type: 'string', value: 'rate', description: 'share of requests that fail on purpose, from 0 to 1 (default 0)' },
  'fault-kinds': { type: 'string', value: 'kinds', description: 'comma-separated kinds to draw from (default: every kind)' },
  'fault-route': { type: 'string', value: 'route', description: 'only requests to this route, e.g. "POST /approvals/:id/decide" (default: every route)' },
  seed: { type: 'string', value: 'n', description: 'seed of the fault draws: the same seed fails the same requests (default 1)' },
  slow: { type: 'string', value: 'duration', description: 'how late a "slow" fault answers (default 30s)' },
}

/** The flags that choose how `signoff mock` answers: which server it imitates, and error bodies. */
export const DIALECT_OPTIONS: OptionSpecs = {
  dialect: { type: 'string', value: 'dialect', description: 'standard (the documented v1 API), emulator (the public PromptRails emulator) or newer (list meta "pages") (default standard)' },
  quirks: { type: 'string', value: 'dialect', description: 'the former name of --dialect' },
  'error-bodies': { type: 'string', value: 'shape', description: 'send every error as short {"error": "…"} or bare {"message": "…"} (default: the dialect\'s)' },
}

/** What the mock itself knows, passed in because it is loaded only when the command runs. */
export interface MockChoices {
  readonly faultKinds: readonly FaultKind[]
  readonly dialects: readonly DialectName[]
}

/** The server's options from the command line: port, dialect, error bodies, webhook and faults. */
export function mockOptions(context: CommandContext, choices: MockChoices): MockServerOptions {
  const port = parseInteger(stringOption(context, 'port') ?? '4010', 'port', HELP, 0, 65_535)
  const options: MockServerOptions = { port, ...dialectOptions(context, choices.dialects), ...faultOptions(context, choices.faultKinds) }
  const webhooks = webhookOptions(context)
  return webhooks === undefined ? options : { ...options, webhooks: [webhooks] }
}

const ERROR_BODIES: readonly ErrorBodyShape[] = ['short', 'bare']

function dialectOptions(context: CommandContext, dialects: readonly DialectName[]): Pick<MockServerOptions, 'dialect' | 'errorBodies'> {
  const given = (['dialect', 'quirks'] as const).filter((name) => stringOption(context, name) !== undefined)
  if (given.length > 1) throw new UsageError('--quirks is the former name of --dialect; give one of them', HELP)
  const [flag = 'dialect'] = given
  const text = stringOption(context, flag) ?? 'standard'
  const dialect = dialects.find((name) => name === text)
  if (dialect === undefined) throw new UsageError(`--${flag} must be ${orList(dialects)}`, HELP)
  const shapeText = stringOption(context, 'error-bodies')
  if (shapeText === undefined) return { dialect }
  const errorBodies = ERROR_BODIES.find((shape) => shape === shapeText)
  if (errorBodies === undefined) throw new UsageError(`--error-bodies must be ${orList(ERROR_BODIES)} (without it, errors take the dialect's shape)`, HELP)
  return { dialect, errorBodies }
}

// "a, b or c"
function orList(words: readonly string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1) ?? ''}`
}

function faultOptions(context: CommandContext, faultKinds: readonly FaultKind[]): Pick<MockServerOptions, 'faults'> {
  const rateText = stringOption(context, 'faults')
  if (rateText === undefined) {
    for (const name of ['fault-kinds', 'fault-route', 'seed', 'slow']) {
      if (stringOption(context, name) !== undefined) throw new UsageError(`--${name} shapes the faults of --faults; give --faults too`, HELP)
    }
    return {}
  }
  const rate = /^\d*\.?\d+$/.test(rateText.trim()) ? Number(rateText) : Number.NaN
  if (!(rate >= 0 && rate <= 1)) throw new UsageError('--faults must be a share from 0 to 1, such as 0.2', HELP)
  const rule: FaultRule = { rate }
  const kindsText = stringOption(context, 'fault-kinds')
  if (kindsText !== undefined) rule.kinds = kindsOf(kindsText, faultKinds)
  const route = stringOption(context, 'fault-route')
  if (route !== undefined) rule.route = routeOf(route)
  const seedText = stringOption(context, 'seed')
  const slowText = stringOption(context, 'slow')
  return {
    faults: {
      rules: [rule],
      seed: seedText === undefined ? 1 : parseInteger(seedText, 'seed', HELP, 0, 2 ** 31 - 1),
      ...(slowText === undefined ? {} : { slowMs: parseDuration(slowText, 'slow', HELP) }),
    },
  }
}

function kindsOf(text: string, faultKinds: readonly FaultKind[]): FaultKind[] {
  const names = text.split(',').map((name) => name.trim()).filter((name) => name !== '')
  const kinds = names.map((name) => faultKinds.find((kind) => kind === name))
  const unknown = names.filter((_, index) => kinds[index] === undefined)
  if (names.length === 0 || unknown.length > 0) {
    throw new UsageError(`--fault-kinds takes kinds from: ${faultKinds.join(', ')}${unknown.length > 0 ? ` (not ${unknown.join(', ')})` : ''}`, HELP)
  }
  return kinds.filter((kind): kind is FaultKind => kind !== undefined)
}

// "POST /approvals/:id/decide" or just "/approvals" (every method).
function routeOf(text: string): string {
  const parts = text.trim().split(/\s+/)
  const [method, path] = parts.length === 1 ? ['*', parts[0]] : parts
  const valid = parts.length <= 2 && /^(\*|[A-Za-z]+)$/.test(method ?? '') && path?.startsWith('/')
  if (!valid) throw new UsageError('--fault-route must be a path such as /approvals, or a method and path such as "POST /approvals/:id/decide"', HELP)
  return `${method} ${path}`
}

function webhookOptions(context: CommandContext): { url: string; secret: string } | undefined {
  const url = stringOption(context, 'webhook')
  const flag = stringOption(context, 'secret')
  const secret = flag ?? context.env['PROMPTRAILS_WEBHOOK_SECRET']
  context.secrets.add(secret)
  if (url === undefined) {
    if (flag !== undefined) throw new UsageError('--secret is for --webhook; give both', HELP)
    return undefined
  }
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) throw new UsageError('--webhook must be an http(s) URL', HELP)
  if (!secret) throw new UsageError('--webhook needs --secret whsec_… (or PROMPTRAILS_WEBHOOK_SECRET)', HELP)
  checkSigningSecret(secret, flag === undefined ? 'PROMPTRAILS_WEBHOOK_SECRET' : '--secret', HELP)
  return { url, secret }
}
