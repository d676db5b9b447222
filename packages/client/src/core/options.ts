import { InvalidRequestError } from './errors/invalid-request-error.js'
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
   * Where the API lives.
   * @defaultValue `"https://api.promptrails.ai"`
   */
  baseUrl?: string | undefined
  /** The workspace to act in, sent as `X-Workspace-ID`. @defaultValue the key's workspace */
  workspaceId?: string | undefined
  /**
   * Milliseconds to wait for each attempt's response.
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
  } else if (apiKey !== undefined && dangerouslyAllowBrowser !== true && inBrowserPage()) {
    problem('apiKey', BROWSER_KEY_MESSAGE)
  }
  if (dangerouslyAllowBrowser !== undefined && typeof dangerouslyAllowBrowser !== 'boolean') {
    problem('dangerouslyAllowBrowser', 'dangerouslyAllowBrowser must be true or false')
  }
  if (typeof baseUrl !== 'string' || !URL.canParse(baseUrl)) {
    problem('baseUrl', 'baseUrl must be an absolute URL such as "https://api.promptrails.ai"')
  }
  if (workspaceId !== undefined && (typeof workspaceId !== 'string' || workspaceId === '')) {
    problem('workspaceId', 'workspaceId must be a non-empty string')
  }
  if (!isPositiveMs(timeout)) problem('timeout', 'timeout must be a positive number of milliseconds')
  if (totalTimeout !== false && !isPositiveMs(totalTimeout)) {
    problem('totalTimeout', 'totalTimeout must be a positive number of milliseconds, or false')
  }
  if (!Number.isInteger(maxRetries) || maxRetries < 0 || maxRetries > 10) {
    problem('maxRetries', 'maxRetries must be an integer from 0 to 10')
  }
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    problem('fetch', 'fetch must be a function compatible with the global fetch')
  }
  if (issues.length > 0) throw new InvalidRequestError('new Signoff', issues)

  const headers: Record<string, string> = { ...options.headers }
  if (apiKey !== undefined) headers['x-api-key'] = apiKey
  if (workspaceId !== undefined) headers['x-workspace-id'] = workspaceId
  return { baseUrl, timeout, totalTimeout, maxRetries, fetch: options.fetch, headers }
}

function isPositiveMs(value: unknown): value is number {
  // ky refuses timeouts above 2^31 - 1 ms.
  return typeof value === 'number' && value > 0 && value <= 2_147_483_647
}
