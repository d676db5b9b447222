import { InvalidRequestError } from './errors/invalid-request-error.js'
import { headerProblems, headerValueProblem } from './header-values.js'
import { isRetryCount, isTimerMs } from './request-options.js'
import { inBrowserPage } from './runtime.js'

/**
 * How a {@link Signoff} client connects. Only `apiKey` is usually needed.
 */
export interface ClientOptions {
  /**
   * The PromptRails API key, sent as `X-API-Key`. Never logged, never put in an error.
   * Leave it out only when `baseUrl` points at your own backend that adds the key.
   */
  apiKey?: string | undefined
  /**
   * Where the API lives: an `http:` or `https:` URL. A path is kept (a proxy under
   * `/promptrails` works); a `?query` or `#fragment` is refused, since request paths replace it.
   * @defaultValue `"https://api.promptrails.ai"`
   */
  baseUrl?: string | undefined
  /** The workspace to act in, sent as `X-Workspace-ID`. @defaultValue the key's workspace */
  workspaceId?: string | undefined
  /**
   * Milliseconds each attempt may take, from sending the request to the last byte of the body.
   * @defaultValue `30000`
   */
  timeout?: number | undefined
  /**
   * Milliseconds that all attempts of one call may take together, retries and waits included;
   * `false` for no bound.
   * @defaultValue `120000`
   */
  totalTimeout?: number | false | undefined
  /**
   * How many times a failed request is retried (connection errors, 408, 429, 5xx), with
   * exponential backoff, full jitter and `Retry-After`.
   * @defaultValue `2`
   */
  maxRetries?: number | undefined
  /** A `fetch` to use instead of the global one (for instrumentation, proxies or tests). */
  fetch?: ((input: Request | URL | string, init?: RequestInit) => Promise<Response>) | undefined
  /** Extra headers sent with every request. */
  headers?: Record<string, string> | undefined
  /** The webhook signing secret (`whsec_…`) used by `client.webhooks` when none is passed. */
  webhookSecret?: string | undefined
  /**
   * Lets an `apiKey` be used in a browser page. Without it, `new Signoff({ apiKey })` in a
   * browser throws an `InvalidRequestError` on `apiKey`: anyone who opens the page can read
   * the key and act as you. Prefer a backend that adds the key (leave `apiKey` out and point
   * `baseUrl` at it); set this only where the page's users may hold the key anyway (an
   * internal tool, a local demo). Outside browsers it changes nothing.
   * @defaultValue `false`
   * @example
   * ```ts
   * // The safe pattern: your backend adds X-API-Key; the page never sees it.
   * const client = new Signoff({ baseUrl: 'https://my-backend.example/promptrails' })
   * ```
   */
  dangerouslyAllowBrowser?: boolean | undefined
}

/** Options with every default applied. */
export interface ResolvedOptions {
  baseUrl: string
  timeout: number
  totalTimeout: number | false
  maxRetries: number
  fetch: ClientOptions['fetch']
  headers: Record<string, string>
  /** Every secret the client holds, so that none reaches an error. */
  secrets: string[]
}

/** The PromptRails API's public address. */
export const DEFAULT_BASE_URL = 'https://api.promptrails.ai'

// Names the option, never its value: the key must not reach an error.
const BROWSER_KEY_MESSAGE =
  'an API key in a browser page can be read by anyone who opens it. Leave apiKey out and set ' +
  'baseUrl to your own backend, which adds the X-API-Key header, or, if every ' +
  'user of this page may hold the key, pass dangerouslyAllowBrowser: true'

/** Checks the options and applies defaults; a wrong option throws before any request. */
export function resolveOptions(options: ClientOptions): ResolvedOptions {
  const issues: { message: string; path: string[] }[] = []
  const problem = (field: string, message: string) => issues.push({ path: [field], message })
  const { apiKey, baseUrl = DEFAULT_BASE_URL, workspaceId, dangerouslyAllowBrowser } = options
  const { timeout = 30_000, totalTimeout = 120_000, maxRetries = 2 } = options

  if (apiKey !== undefined && (typeof apiKey !== 'string' || apiKey.trim() === '')) {
    problem('apiKey', 'apiKey must be a non-empty string (your PromptRails API key)')
  } else if (apiKey !== undefined && headerValueProblem(apiKey) !== undefined) {
    problem('apiKey', `apiKey ${headerValueProblem(apiKey) ?? ''} (check how the key was copied or read)`)
  } else if (apiKey !== undefined && dangerouslyAllowBrowser !== true && inBrowserPage()) {
    problem('apiKey', BROWSER_KEY_MESSAGE)
  }
  if (dangerouslyAllowBrowser !== undefined && typeof dangerouslyAllowBrowser !== 'boolean') {
    problem('dangerouslyAllowBrowser', 'dangerouslyAllowBrowser must be true or false')
  }
  const baseUrlProblem = checkBaseUrl(baseUrl)
  if (baseUrlProblem !== undefined) problem('baseUrl', baseUrlProblem)
  if (workspaceId !== undefined && (typeof workspaceId !== 'string' || workspaceId === '')) {
    problem('workspaceId', 'workspaceId must be a non-empty string')
  } else if (workspaceId !== undefined && headerValueProblem(workspaceId) !== undefined) {
    problem('workspaceId', `workspaceId ${headerValueProblem(workspaceId) ?? ''}`)
  }
  if (!isTimerMs(timeout)) problem('timeout', 'timeout must be a positive number of milliseconds')
  if (totalTimeout !== false && !isTimerMs(totalTimeout)) {
    problem('totalTimeout', 'totalTimeout must be a positive number of milliseconds, or false')
  }
  if (!isRetryCount(maxRetries)) problem('maxRetries', 'maxRetries must be an integer from 0 to 10')
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    problem('fetch', 'fetch must be a function compatible with the global fetch')
  }
  issues.push(...headerProblems('headers', options.headers))
  if (issues.length > 0) throw new InvalidRequestError('new Signoff', issues)

  const headers: Record<string, string> = { ...options.headers }
  if (apiKey !== undefined) headers['x-api-key'] = apiKey
  if (workspaceId !== undefined) headers['x-workspace-id'] = workspaceId
  const secrets = [apiKey, ...secretHeaderValues(options.headers), ...webhookSecretForms(options.webhookSecret)]
  return {
    baseUrl: baseUrl.replace(/\/+$/, ''),
    timeout,
    totalTimeout,
    maxRetries,
    fetch: options.fetch,
    headers,
    secrets: secrets.filter((secret): secret is string => typeof secret === 'string' && secret !== ''),
  }
}

// Never quotes the URL: a gateway address may carry a token.
function checkBaseUrl(baseUrl: unknown): string | undefined {
  const example = 'an absolute URL such as "https://api.promptrails.ai"'
  if (typeof baseUrl !== 'string' || !URL.canParse(baseUrl)) return `baseUrl must be ${example}`
  const url = new URL(baseUrl)
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return `baseUrl must be ${example}, starting with https:// or http:// (a host and port alone, as in "localhost:4010", is read as a scheme)`
  }
  if (url.search !== '' || baseUrl.includes('?')) {
    return 'baseUrl must not have a query (?…): request paths are added after the base path, and a query would be dropped. Send what it carries in headers instead'
  }
  if (url.hash !== '' || baseUrl.includes('#')) return 'baseUrl must not have a fragment (#…)'
  if (url.username !== '' || url.password !== '') {
    return 'baseUrl must not hold a user name or password (fetch refuses such URLs): send credentials in headers instead'
  }
  return undefined
}

// Headers that usually carry credentials (to a proxy or gateway) are treated as secrets too.
const CREDENTIAL_HEADER = /auth|key|token|secret|cookie|session|signature|password/i

function secretHeaderValues(headers: Record<string, string> | undefined): string[] {
  return Object.entries(headers ?? {}).flatMap(([name, value]) => (CREDENTIAL_HEADER.test(name) ? [value] : []))
}

function webhookSecretForms(secret: string | undefined): string[] {
  if (typeof secret !== 'string') return []
  return secret.startsWith('whsec_') ? [secret, secret.slice('whsec_'.length)] : [secret]
}
