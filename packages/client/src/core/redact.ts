import { hasKind } from './errors/brand.js'

// Everything the client puts in an error passes through here first: a server or proxy that
// echoes the API key (in its error text, a header, a detail, an HTML page) must not make the
// key show in `error.message`, `stack`, `String(error)`, `util.inspect(error)` or a `cause`.

const MARK = '[redacted]'
const MAX_DEPTH = 8

/** Blanks a fixed set of secrets from text, values and errors. */
export class Redactor {
  readonly #secrets: string[]

  constructor(secrets: readonly (string | undefined)[]) {
    const forms = new Set<string>()
    for (const secret of secrets) {
      if (secret === undefined || secret === '') continue
      forms.add(secret)
      // The forms a secret takes when echoed inside a URL or a JSON string.
      forms.add(encodeURIComponent(secret))
      forms.add(JSON.stringify(secret).slice(1, -1))
    }
    // Longest first, so a secret that contains another is blanked whole.
    this.#secrets = [...forms].sort((a, b) => b.length - a.length)
  }

  /** Text with every secret replaced by `[redacted]`. */
  text(value: string): string {
    let result = value
    for (const secret of this.#secrets) result = result.split(secret).join(MARK)
    return result
  }

  /** A copy of a JSON-like value (strings, arrays, plain objects, Headers) with secrets blanked. */
  value<T>(value: T, depth = 0): T {
    if (this.#secrets.length === 0) return value
    if (typeof value === 'string') return this.text(value) as T
    if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) return value
    if (typeof Headers !== 'undefined' && value instanceof Headers) {
      const copy = new Headers()
      value.forEach((text, name) => copy.append(name, this.text(text)))
      return copy as T
    }
    if (Array.isArray(value)) return value.map((item: unknown) => this.value(item, depth + 1)) as T
    // The client's own errors are blanked in place and keep their class; others are copied.
    if (value instanceof Error) return (hasKind(value, 'SignoffError') ? this.scrub(value) : this.error(value, depth + 1)) as T
    const prototype: unknown = Object.getPrototypeOf(value)
    if (prototype !== Object.prototype && prototype !== null) return value
    const copy: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) copy[key] = this.value(item, depth + 1)
    return copy as T
  }

  /**
   * Blanks secrets in an error the client made (its message, stack and every own field), in
   * place, and replaces its `cause` by a redacted copy. Returns the same error.
   */
  scrub<E extends Error>(error: E): E {
    if (this.#secrets.length === 0) return error
    const fields = error as unknown as Record<string, unknown>
    for (const key of Object.keys(error)) {
      const descriptor = Object.getOwnPropertyDescriptor(error, key)
      if (descriptor?.writable === true) fields[key] = this.value(fields[key])
      else if (descriptor !== undefined) Object.defineProperty(error, key, { ...descriptor, value: this.value(descriptor.value) })
    }
    redefine(error, 'message', this.text(error.message))
    if (typeof error.stack === 'string') redefine(error, 'stack', this.text(error.stack))
    if (error.cause !== undefined) redefine(error, 'cause', this.value(error.cause))
    return error
  }

  /**
   * A redacted copy of an error that came from elsewhere (a `fetch`, a runtime): name,
   * message, stack, the usual system fields (`code`, `errno`, `syscall`…) and its own cause.
   * The original is left untouched, and nothing else of it (a request, its headers) is kept.
   */
  error(error: Error, depth = 0): Error {
    const copy = new Error(this.text(error.message))
    copy.name = error.name
    const source = error as unknown as Record<string, unknown>
    const target = copy as unknown as Record<string, unknown>
    for (const key of ['code', 'errno', 'syscall', 'address', 'port', 'hostname']) {
      const field = source[key]
      if (typeof field === 'string') target[key] = this.text(field)
      else if (typeof field === 'number') target[key] = field
    }
    if (typeof error.stack === 'string') copy.stack = this.text(error.stack)
    if (error.cause !== undefined && depth < MAX_DEPTH) {
      redefine(copy, 'cause', error.cause instanceof Error ? this.error(error.cause, depth + 1) : this.value(error.cause))
    }
    return copy
  }
}

function redefine(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: false, configurable: true })
}
