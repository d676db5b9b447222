/**
 * Whether the client runs in a browser page: a `window` and a `document` exist. Node, Deno,
 * Bun, edge runtimes and workers have no `document`.
 */
export function inBrowserPage(): boolean {
  return typeof globalThis.window !== 'undefined' && typeof globalThis.document !== 'undefined'
}
