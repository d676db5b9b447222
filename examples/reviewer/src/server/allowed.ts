// The calls the page makes, and so the only ones its proxy forwards. The proxy adds a key that
// may do far more (run agents, change their config): a browser gets just what reviewing needs.

const ALLOWED: readonly [method: string, path: RegExp][] = [
  ['GET', /^\/api\/v1\/approvals$/], // the pending list
  ['GET', /^\/api\/v1\/approvals\/[^/]+$/], // read back after "already decided"
  ['POST', /^\/api\/v1\/approvals\/[^/]+\/decide$/],
  ['GET', /^\/api\/v1\/agents\/[^/]+$/], // the agent's name
]

/** Whether the proxy forwards this request. `url` is the request's path and query. */
export function isReviewerCall(method: string | undefined, url: string | undefined): boolean {
  const path = (url ?? '').split('?')[0] ?? ''
  return ALLOWED.some(([allowedMethod, pattern]) => allowedMethod === method && pattern.test(path))
}
