// Checks real traffic against openapi.json with an independent validator (ajv, JSON Schema
// 2020-12), so the document, the mock and the client are proven to agree. Tests hook it in
// with one line: `conformingHandlers` (MSW) or `conformingFetch` (in-process), and
// `checkWebhookDelivery` for webhook bodies. A mismatch fails the running test softly (the test
// goes on, then fails), naming the operation and the field.
//
// This file imports nothing relative but the document itself, so any package's tests can use it.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js'
import formats from 'ajv-formats'
import { http, type HttpHandler } from 'msw'
import { expect } from 'vitest'
import document from '../openapi.json' with { type: 'json' }

type Json = Record<string, unknown>
interface Parameter {
  name: string
  in: 'path' | 'query' | 'header'
  required?: boolean
  schema: Json
}
interface Operation {
  operationId: string
  parameters: Array<Parameter | { $ref: string }>
  requestBody?: { required?: boolean; content: Record<string, { schema: Json }> }
  responses: Record<string, { $ref: string } | { content?: Record<string, { schema: Json }> }>
}

const DOCUMENT_ID = 'signoff-openapi.json'
const API_PREFIX = '/api/v1'
/** Marks the answers the mock spoils on purpose (a truncated or non-JSON body): not the contract's. */
const INJECTED_FAULT = 'x-signoff-mock-fault'

const ajv = new Ajv2020({ strict: false, allErrors: true })
// ajv-formats is CommonJS: the plugin is its `module.exports` and, as typed here, its `.default`.
formats.default(ajv)
ajv.addSchema({ ...document, $id: DOCUMENT_ID })

const validators = new Map<string, ValidateFunction>()
/** The validator of the schema at a JSON pointer into the document, compiled once. */
function validatorAt(pointer: string): ValidateFunction {
  let validate = validators.get(pointer)
  if (validate === undefined) {
    validate = ajv.getSchema(`${DOCUMENT_ID}#${pointer}`)
    if (validate === undefined) throw new Error(`openapi.json has no schema at ${pointer}`)
    validators.set(pointer, validate)
  }
  return validate
}

const escapePointer = (segment: string) => segment.replaceAll('~', '~0').replaceAll('/', '~1')

/** Every `…/schema` the checks read: parameter and media type schemas of operations and webhooks. */
function schemaPointers(value: unknown, pointer: string): string[] {
  if (typeof value !== 'object' || value === null) return []
  return Object.entries(value).flatMap(([key, child]) => {
    const at = `${pointer}/${escapePointer(key)}`
    return key === 'schema' ? [at] : schemaPointers(child, at)
  })
}

// Compiling takes a while on a busy machine. Done here, at import, it never stalls a running
// test (where it could, for instance, outlast a short delivery timeout).
for (const section of ['paths', 'webhooks', 'components/responses', 'components/parameters']) {
  const [first, second] = section.split('/') as [string, string | undefined]
  const root = (document as Json)[first] as Json
  for (const pointer of schemaPointers(second === undefined ? root : root[second], `/${section}`)) validatorAt(pointer)
}
validatorAt('/components/schemas/ErrorBody')
validatorAt('/components/schemas/WebhookEvent')

function resolve<T>(value: T | { $ref: string }): T {
  if (typeof value !== 'object' || value === null || !('$ref' in value)) return value
  let target: unknown = document
  for (const segment of value.$ref.replace(/^#\//u, '').split('/')) target = (target as Json)[segment]
  return target as T
}

/** Writes ajv's errors as `field: problem`, with the field in the reader's notation. */
function describe(errors: readonly ErrorObject[] | null | undefined, root: string): string[] {
  return (errors ?? []).slice(0, 6).map((error) => {
    const path = error.instancePath
      .split('/')
      .slice(1)
      .map((segment) => (/^\d+$/u.test(segment) ? `[${segment}]` : `.${segment.replaceAll('~1', '/').replaceAll('~0', '~')}`))
      .join('')
    return `${root}${path}: ${error.message ?? 'is invalid'}`
  })
}

function check(pointer: string, value: unknown, root: string): string[] {
  const validate = validatorAt(pointer)
  return validate(value) ? [] : describe(validate.errors, root)
}

interface Match {
  operation: Operation
  pointer: string
  pathValues: Record<string, string>
}

const operations = Object.entries(document.paths).flatMap(([template, item]) =>
  Object.entries(item as Record<string, Operation>).map(([method, operation]) => ({
    method: method.toUpperCase(),
    pattern: new RegExp(`^${template.replace(/\{(\w+)\}/gu, '(?<$1>[^/]+)')}$`, 'u'),
    operation,
    pointer: `/paths/${escapePointer(template)}/${method}`,
  })),
)

/** Finds the operation a request calls, by method and path under `/api/v1`. */
function match(method: string, url: URL): Match | undefined {
  const path = url.pathname.startsWith(API_PREFIX) ? url.pathname.slice(API_PREFIX.length) : url.pathname
  for (const candidate of operations) {
    const found = candidate.method === method ? candidate.pattern.exec(path) : null
    if (found === null) continue
    const pathValues = Object.fromEntries(Object.entries(found.groups ?? {}).map(([name, value]) => [name, decodeURIComponent(value)]))
    return { operation: candidate.operation, pointer: candidate.pointer, pathValues }
  }
  return undefined
}

/** A query value as its schema reads it: query strings carry numbers and booleans as text. */
function fromQuery(value: string, schema: Json): unknown {
  if ((schema.type === 'integer' || schema.type === 'number') && /^-?\d+(\.\d+)?$/u.test(value)) return Number(value)
  if (schema.type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true'
  return value
}

function checkParameters(match: Match, url: URL, headers: Headers): string[] {
  const problems: string[] = []
  const declared = match.operation.parameters.map((parameter, index) => ({
    parameter: resolve(parameter),
    // A shared parameter's schema lives in components, an operation's own in the operation.
    pointer: `${'$ref' in parameter ? parameter.$ref.slice(1) : `${match.pointer}/parameters/${index}`}/schema`,
  }))
  for (const { parameter, pointer } of declared) {
    const raw =
      parameter.in === 'path'
        ? match.pathValues[parameter.name]
        : parameter.in === 'query'
          ? (url.searchParams.get(parameter.name) ?? undefined)
          : (headers.get(parameter.name) ?? undefined)
    if (raw === undefined) {
      if (parameter.required === true) problems.push(`${parameter.in} parameter ${parameter.name}: is required but missing`)
      continue
    }
    const value = parameter.in === 'query' ? fromQuery(raw, parameter.schema) : raw
    problems.push(...check(pointer, value, `${parameter.in} parameter ${parameter.name}`))
  }
  const known = new Set(declared.filter(({ parameter }) => parameter.in === 'query').map(({ parameter }) => parameter.name))
  for (const name of new Set(url.searchParams.keys())) {
    if (!known.has(name)) problems.push(`query parameter ${name}: is not declared`)
  }
  return problems
}

const mediaType = (headers: Headers) => (headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? ''

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return { ok: false }
  }
}

/** What a request breaks in the document's request side: parameters, headers and body. */
export async function checkRequest(request: Request): Promise<string[]> {
  const url = new URL(request.url)
  const found = match(request.method, url)
  const call = `${request.method} ${url.pathname}`
  if (found === undefined) return [`${call}: no operation in openapi.json`]
  const label = (problem: string) => `${found.operation.operationId} (${call}) request ${problem}`
  const problems = checkParameters(found, url, request.headers)
  const body = found.operation.requestBody
  const text = await request.text()
  if (body !== undefined) {
    if (text === '') {
      if (body.required === true) problems.push('body: is required but missing')
    } else if (mediaType(request.headers) !== 'application/json') {
      problems.push(`body: sent as "${mediaType(request.headers)}", the document declares application/json`)
    } else {
      const parsed = parseJson(text)
      if (parsed.ok) problems.push(...check(`${found.pointer}/requestBody/content/application~1json/schema`, parsed.value, 'body'))
      else problems.push('body: is not JSON')
    }
  } else if (text !== '') {
    problems.push('body: sent, but the operation takes none')
  }
  return problems.map(label)
}

/** What a response breaks in the document: its status must be declared and its body must fit. */
export async function checkResponse(request: Request, response: Response): Promise<string[]> {
  if (response.type === 'error') return []
  const url = new URL(request.url)
  const found = match(request.method, url)
  const call = `${request.method} ${url.pathname} → ${response.status}`
  const text = await response.text()
  const parsed = parseJson(text)
  if (response.headers.has(INJECTED_FAULT) && !parsed.ok) return []
  if (found === undefined) {
    // A route the contract does not have: a server may offer more than the contract, but its
    // error pages (404, 405) must still be one of the error bodies clients read.
    if (response.status < 400) return []
    if (!parsed.ok) return [`${call}: an error on a route openapi.json does not have, and the body is not JSON`]
    return check('/components/schemas/ErrorBody', parsed.value, `${call}: body`)
  }
  const label = (problem: string) => `${found.operation.operationId} (${call}) response ${problem}`
  const { responses } = found.operation
  const key = [String(response.status), `${String(response.status).charAt(0)}XX`, 'default'].find((name) => name in responses)
  if (key === undefined) return [label(`status: ${response.status} is not declared`)]
  const declared = resolve(responses[key] as { $ref: string })
  const content = (declared as { content?: Record<string, { schema: Json }> }).content ?? {}
  const type = mediaType(response.headers)
  if (text === '' && Object.keys(content).length === 0) return []
  if (!(type in content)) return [label(`content type: "${type}" is not declared for ${key}`)]
  if (type !== 'application/json') return []
  if (!parsed.ok) return [label('body: is not JSON')]
  const base = '$ref' in (responses[key] ?? {}) ? (responses[key] as { $ref: string }).$ref.slice(1) : `${found.pointer}/responses/${key}`
  return check(`${base}/content/application~1json/schema`, parsed.value, 'body').map(label)
}

/** What a webhook delivery breaks in the document's `webhooks`: the Standard Webhooks headers and the body. */
export function checkWebhook(headers: Headers, body: string): string[] {
  const parsed = parseJson(body)
  if (!parsed.ok) return ['webhook body: is not JSON']
  const type = (parsed.value as { type?: unknown }).type
  const webhook = (document.webhooks as Record<string, { post: Operation }>)[String(type)]
  if (webhook === undefined) {
    return check('/components/schemas/WebhookEvent', parsed.value, `webhook ${String(type)} body`)
  }
  const pointer = `/webhooks/${escapePointer(String(type))}/post`
  const problems = checkParameters({ operation: webhook.post, pointer, pathValues: {} }, new URL('http://receiver.invalid/'), headers)
  problems.push(...check(`${pointer}/requestBody/content/application~1json/schema`, parsed.value, 'body'))
  return problems.map((problem) => `${webhook.post.operationId} ${problem}`)
}

function report(problems: readonly string[]): void {
  expect.soft(problems, 'the traffic disagrees with packages/schemas/openapi.json').toEqual([])
}

/** Options of {@link conformingFetch}. */
export interface ConformingOptions {
  /** Also check each request against the request side (off for tests that send bad requests on purpose). @defaultValue `true` */
  requests?: boolean
}

/** Wraps a server's fetch so that each request and each response is checked against the document. */
export function conformingFetch(
  fetch: (request: Request) => Promise<Response>,
  options: ConformingOptions = {},
): (request: Request) => Promise<Response> {
  return async (request) => {
    const copy = request.clone()
    if (options.requests !== false) report(await checkRequest(request.clone()))
    const response = await fetch(request)
    if (response.type !== 'error') report(await checkResponse(copy, response.clone()))
    return response
  }
}

/** MSW handlers that send every request under `${baseUrl}/api/v1/` to the mock, checked both ways. */
export function conformingHandlers(mock: { fetch(request: Request): Promise<Response> }, baseUrl: string): HttpHandler[] {
  const checked = conformingFetch((request) => mock.fetch(request))
  return [http.all(`${baseUrl.replace(/\/+$/u, '')}${API_PREFIX}/*`, ({ request }) => checked(request))]
}

/** Checks one webhook delivery as a receiver got it. */
export function checkWebhookDelivery(headers: Headers | Record<string, string>, body: string): void {
  report(checkWebhook(headers instanceof Headers ? headers : new Headers(headers), body))
}
