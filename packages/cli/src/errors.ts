import { isAuthenticationError, isConflictError, isConnectionError, isInvalidRequestError } from '@signoff/client'
import { EXIT, type ExitCode } from './exit-codes.js'

/** The command line itself was wrong; `help` names the command whose `--help` explains it. */
export class UsageError extends Error {
  override name = 'UsageError'
  readonly help: string

  constructor(message: string, help = 'signoff') {
    super(message)
    this.help = help
  }
}

/** Which exit code an error ends the CLI with. */
export function exitCodeOf(error: unknown): ExitCode {
  // An InvalidRequestError means the client refused the arguments before sending anything.
  if (error instanceof UsageError || isInvalidRequestError(error)) return EXIT.usage
  return EXIT.error
}

/**
 * Renders an error as the one line the CLI prints (`signoff: …`), plus its stack and causes
 * with `debug`. Every secret the CLI was given is blanked out of all of it, whatever the error
 * says: the client never puts one in a message, and this makes sure nothing else does either.
 */
export function describeError(error: unknown, secrets: Secrets, debug: boolean): string {
  const text = [`signoff: ${oneLine(messageOf(error))}`]
  // A usage error's stack says nothing a user can act on.
  if (debug && !(error instanceof UsageError)) text.push(...causeChain(error))
  return secrets.redact(text.join('\n'))
}

/**
 * The error's stack, then each cause's (`error.cause`, and the members of an AggregateError,
 * as Node's fetch gives for a refused connection): `caused by: <name> <code>: <message>`.
 */
function causeChain(error: unknown): string[] {
  const text: string[] = []
  const queue: { cause: unknown; depth: number }[] = [{ cause: error, depth: 0 }]
  const seen = new Set<unknown>()
  for (let next = queue.shift(); next !== undefined && text.length < 40; next = queue.shift()) {
    const { cause, depth } = next
    if (seen.has(cause) || depth > 5) continue
    seen.add(cause)
    if (depth > 0) text.push(`caused by: ${oneLine(causeLine(cause))}`)
    if (!(cause instanceof Error)) continue
    if (cause.stack !== undefined) text.push(cause.stack)
    if (cause.cause !== undefined) queue.push({ cause: cause.cause, depth: depth + 1 })
    if (cause instanceof AggregateError) for (const member of cause.errors) queue.push({ cause: member, depth: depth + 1 })
  }
  return text
}

function causeLine(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause)
  const code = 'code' in cause && typeof cause.code === 'string' ? ` ${cause.code}` : ''
  return `${cause.name}${code}: ${cause.message}`
}

function messageOf(error: unknown): string {
  if (error instanceof UsageError) return `${error.message} (see ${error.help} --help)`
  if (isConflictError(error) && error.approval) return `${error.message} (it is ${error.approval.status})`
  if (isConnectionError(error)) return `${error.message} (is the API address right? PROMPTRAILS_BASE_URL or --base-url)`
  if (isAuthenticationError(error)) return `${error.message} (check PROMPTRAILS_API_KEY or --api-key)`
  if (error instanceof Error) return error.message || error.name
  return String(error)
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim()
}

/** The secret values this run knows of (API key, webhook secret), to keep out of its output. */
export class Secrets {
  readonly #values = new Set<string>()

  /** Remembers a value as secret; empty and missing values are ignored. */
  add(value: string | undefined): void {
    const trimmed = value?.trim()
    if (trimmed) this.#values.add(trimmed)
  }

  /** The text with every secret replaced by `[redacted]`, also where JSON escaped it. */
  redact(text: string): string {
    let result = text
    const forms = [...this.#values].flatMap((secret) => [secret, JSON.stringify(secret).slice(1, -1)])
    // Longest first, so a secret that contains another is blanked whole.
    for (const form of forms.sort((a, b) => b.length - a.length)) {
      result = result.split(form).join('[redacted]')
    }
    return result
  }
}
