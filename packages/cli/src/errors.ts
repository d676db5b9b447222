import { AuthenticationError, ConflictError, ConnectionError, InvalidRequestError } from '@signoff/client'
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
  if (error instanceof UsageError || error instanceof InvalidRequestError) return EXIT.usage
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
  if (debug && !(error instanceof UsageError)) {
    for (let cause: unknown = error, depth = 0; cause !== undefined && depth < 5; depth++) {
      if (depth > 0) text.push(`caused by: ${oneLine(messageOf(cause))}`)
      if (cause instanceof Error && cause.stack !== undefined) text.push(cause.stack)
      cause = cause instanceof Error ? cause.cause : undefined
    }
  }
  return secrets.redact(text.join('\n'))
}

function messageOf(error: unknown): string {
  if (error instanceof UsageError) return `${error.message} (see ${error.help} --help)`
  if (error instanceof ConflictError && error.approval) return `${error.message} (it is ${error.approval.status})`
  if (error instanceof ConnectionError) return `${error.message} (is the API address right? PROMPTRAILS_BASE_URL or --base-url)`
  if (error instanceof AuthenticationError) return `${error.message} (check PROMPTRAILS_API_KEY or --api-key)`
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

  /** The text with every secret replaced by `[redacted]`. */
  redact(text: string): string {
    let result = text
    // Longest first, so a secret that contains another is blanked whole.
    for (const secret of [...this.#values].sort((a, b) => b.length - a.length)) {
      result = result.split(secret).join('[redacted]')
    }
    return result
  }
}
