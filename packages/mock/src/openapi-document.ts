import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

/** Where the mock's HTTP server serves the OpenAPI document of the contract. */
export const OPENAPI_PATH = '/openapi.json'

let published: Record<string, unknown> | undefined

/** The document `@signoff/schemas` publishes, read once. */
function publishedDocument(): Record<string, unknown> {
  // Read from the installed package rather than bundled, so the mock serves exactly the
  // published file.
  published ??= JSON.parse(
    readFileSync(createRequire(import.meta.url).resolve('@signoff/schemas/openapi.json'), 'utf8'),
  ) as Record<string, unknown>
  return published
}

/**
 * Answers `GET /openapi.json` with the published document, its `servers` pointing at the
 * address the request reached, so tools that read it (code generators, API explorers) call this
 * mock. Returns `undefined` for every other request.
 */
export function answerOpenApiRequest(request: Request): Response | undefined {
  const url = new URL(request.url)
  if (url.pathname !== OPENAPI_PATH || (request.method !== 'GET' && request.method !== 'HEAD')) return undefined
  const document = { ...publishedDocument(), servers: [{ url: `${url.origin}/api/v1`, description: 'This mock' }] }
  // Any origin may read it: API explorers in a browser page load the document cross-origin.
  return Response.json(document, { headers: { 'access-control-allow-origin': '*' } })
}
