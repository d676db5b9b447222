/**
 * The methods each known path answers, so that a known path asked with another method gets a
 * 405 (as the emulator's framework answers) rather than a 404.
 */
export class RouteTable {
  readonly #routes: { method: string; pattern: RegExp }[] = []

  /** Notes that `method` is served at `path` (Hono syntax: `:name` is one segment). */
  add(method: string, path: string): void {
    const segments = path.split('/').map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    this.#routes.push({ method, pattern: new RegExp(`^${segments.join('/')}/?$`) })
  }

  /** The methods served at a path (empty for an unknown path). */
  methodsAt(path: string): string[] {
    const methods = this.#routes.filter((route) => route.pattern.test(path)).map((route) => route.method)
    return [...new Set(methods)]
  }
}
