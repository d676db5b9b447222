import { FAULT_KINDS, type FaultKind } from './kinds.js'
import { seededRandom } from './random.js'

/** Faults for requests whose method and path match `route`. */
export interface FaultRule {
  /**
   * Which requests, as `"METHOD /path"`: a `:name` segment matches any one segment and the
   * method may be `*`, e.g. `"POST /approvals/:id/decide"` or `"* /executions/:id"`.
   * Leave out for every request.
   */
  route?: string | undefined
  /** The share of matching requests that fail, from 0 to 1. */
  rate?: number | undefined
  /** Which kinds to draw from, uniformly. @defaultValue every kind */
  kinds?: readonly FaultKind[] | undefined
  /** Exact faults for the next matching requests, in order (`null`: no fault); then `rate` applies. */
  schedule?: ReadonlyArray<FaultKind | null> | undefined
}

/** Options of the mock's fault injection. */
export interface FaultOptions {
  /** Seeds the draws, so a run can be replayed. @defaultValue `1` */
  seed?: number | undefined
  /** The rules, first match wins. */
  rules?: readonly FaultRule[] | undefined
  /** How long a `slow` answer takes, in ms. @defaultValue `30000` */
  slowMs?: number | undefined
}

/** How many faults of each kind were injected. */
export type FaultCounts = Partial<Record<FaultKind, number>>

interface CompiledRule {
  method: string
  pattern: RegExp
  rule: FaultRule
  schedule: Array<FaultKind | null>
}

/** Decides, request by request, which fault (if any) to inject. */
export class FaultInjector {
  #random: () => number
  #rules: CompiledRule[] = []
  #counts: FaultCounts = {}
  slowMs = 30_000

  constructor(options: FaultOptions = {}) {
    this.#random = seededRandom(options.seed ?? 1)
    this.configure(options)
  }

  /** Replaces the rules (and the seed and delay, when given). */
  configure(options: FaultOptions): void {
    if (options.seed !== undefined) this.#random = seededRandom(options.seed)
    if (options.slowMs !== undefined) this.slowMs = options.slowMs
    this.#rules = (options.rules ?? []).map((rule) => compile(rule))
  }

  /** Counts of injected faults by kind, since the mock started. */
  get counts(): FaultCounts {
    return { ...this.#counts }
  }

  /** The fault for this request, if any. */
  draw(method: string, path: string): FaultKind | undefined {
    const match = this.#rules.find((rule) => (rule.method === '*' || rule.method === method) && rule.pattern.test(path))
    if (match === undefined) return undefined
    let kind: FaultKind | undefined
    if (match.schedule.length > 0) kind = match.schedule.shift() ?? undefined
    else if (this.#random() < (match.rule.rate ?? 0)) {
      const kinds = match.rule.kinds ?? FAULT_KINDS
      kind = kinds[Math.floor(this.#random() * kinds.length)]
    }
    if (kind !== undefined) this.#counts[kind] = (this.#counts[kind] ?? 0) + 1
    return kind
  }
}

function compile(rule: FaultRule): CompiledRule {
  const [method = '*', path] = (rule.route ?? '*').split(' ')
  const segments = (path ?? '').split('/').map((segment) => (segment.startsWith(':') ? '[^/]+' : escape(segment)))
  const pattern = path === undefined ? /^/ : new RegExp(`^(/api/v1)?${segments.join('/')}$`)
  return { method: method.toUpperCase(), pattern, rule, schedule: [...(rule.schedule ?? [])] }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
