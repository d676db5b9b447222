// Assembles the OpenAPI 3.1 document of the wire contract from the schemas.
import {
  AgentSchema,
  AgentVersionSchema,
  ApprovalEventDataSchema,
  ApprovalRequestSchema,
  ExecutionSchema,
  WEBHOOK_EVENT_TYPES,
  WebhookEventSchema,
  dataEnvelope,
  listEnvelope,
} from '@signoff/schemas'
import * as z from 'zod/mini'
import { CALLER_ID_SCHEMA, componentRef, componentSchemas, inlineSchema, type JsonSchema } from './json-schema.ts'
import { COMPONENTS, SCOPE_NOTE } from './metadata.ts'
import { OPERATIONS, type OperationSpec } from './operations.ts'
import { ERROR_RESPONSES, SHARED_PARAMETERS, WEBHOOK_HEADERS, errorResponses } from './shared.ts'

/** Where the document says the API lives: PromptRails, unless a server serving it says itself. */
export const PROMPTRAILS_SERVER = 'https://api.promptrails.ai/api/v1'

/** What PromptRails documents about each webhook event; `approval.expired` is our extension. */
const WEBHOOK_NOTES: Record<string, string> = {
  'execution.awaiting_approval': 'An execution stopped at a checkpoint and an approval request was created.',
  'approval.decided': 'An approval request was approved or rejected.',
  'approval.expired': 'An approval request passed its `expires_at` undecided (our extension: PromptRails documents only the first two events).',
}

const ref = (name: string) => ({ $ref: componentRef(name) })
const json = (schema: JsonSchema) => ({ 'application/json': { schema } })

/** The reusable schemas: the contract's shapes, their envelopes, request bodies and webhook events. */
function components(): ReadonlyArray<readonly [string, unknown, string]> {
  const envelopes: Array<readonly [string, unknown, string]> = [
    ['AgentResponse', dataEnvelope(AgentSchema), 'One agent: `{"data": Agent}`.'],
    ['AgentList', listEnvelope(AgentSchema), 'A page of agents: `{"data": [...], "meta": ListMeta}`.'],
    ['AgentVersionResponse', dataEnvelope(AgentVersionSchema), 'One agent version: `{"data": AgentVersion}`.'],
    ['ExecutionResponse', dataEnvelope(ExecutionSchema), 'One execution: `{"data": Execution}`.'],
    ['ExecutionList', listEnvelope(ExecutionSchema), 'A page of executions.'],
    ['ApprovalRequestResponse', dataEnvelope(ApprovalRequestSchema), 'One approval request: `{"data": ApprovalRequest}`.'],
    ['ApprovalRequestList', listEnvelope(ApprovalRequestSchema), 'A page of approval requests.'],
  ]
  const bodies = OPERATIONS.flatMap((operation) =>
    operation.body === undefined ? [] : [[operation.body.name, operation.body.schema, operation.body.description] as const],
  )
  const events = WEBHOOK_EVENT_TYPES.map(
    (type) =>
      [
        eventComponentName(type),
        z.extend(WebhookEventSchema, { type: z.literal(type), data: ApprovalEventDataSchema }),
        `The body of the \`${type}\` webhook.`,
      ] as const,
  )
  return [...COMPONENTS, ...envelopes, ...bodies, ...events]
}

/** `approval.decided` → `ApprovalDecidedEvent`. */
function eventComponentName(type: string): string {
  const words = type.split(/[._]/u).map((word) => word.charAt(0).toUpperCase() + word.slice(1))
  return `${words.join('')}Event`
}

/** Query parameters of an operation, from its params schema. */
function queryParameters({ query, ourQuery = [], statusFilter }: OperationSpec) {
  if (query === undefined) return []
  const object = inlineSchema(query)
  const properties = (object.properties ?? {}) as Record<string, JsonSchema>
  const required = new Set((object.required ?? []) as string[])
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...plain } = property
    // A status filter takes the same open set the objects carry: generators then offer its known values.
    const schema = name === 'status' && statusFilter !== undefined ? ref(statusFilter) : plain
    const note = ourQuery.includes(name) ? 'A filter that is our choice (not documented by PromptRails).' : undefined
    const text = [description, note].filter((part) => typeof part === 'string').join(' ')
    return { name, in: 'query', required: required.has(name), schema, ...(text === '' ? {} : { description: text }) }
  })
}

function operationObject(operation: OperationSpec) {
  const parameters: unknown[] = []
  if (operation.pathId !== undefined) {
    const { description, ...schema } = CALLER_ID_SCHEMA
    parameters.push({
      name: operation.pathId.name,
      in: 'path',
      required: true,
      description: `${operation.pathId.what}'s id. ${String(description)}`,
      schema,
    })
  }
  parameters.push(...queryParameters(operation))
  parameters.push({ $ref: '#/components/parameters/WorkspaceId' })
  if (operation.method === 'post') parameters.push({ $ref: '#/components/parameters/IdempotencyKey' })
  return {
    operationId: operation.call.replace('.', '_'),
    tags: [operation.tag],
    summary: operation.summary,
    description: `${operation.description}\n\nRequires the \`${operation.scope}\` scope. ${SCOPE_NOTE}`,
    'x-signoff-call': operation.call,
    parameters,
    ...(operation.body === undefined
      ? {}
      : { requestBody: { required: true, content: json(ref(operation.body.name)) } }),
    responses: {
      [String(operation.success.status)]: {
        description: operation.success.description,
        content: json(ref(operation.success.component)),
      },
      ...errorResponses(operation.errors ?? []),
    },
  }
}

function paths() {
  const result: Record<string, Record<string, unknown>> = {}
  for (const operation of OPERATIONS) {
    result[operation.path] = { ...result[operation.path], [operation.method]: operationObject(operation) }
  }
  return result
}

function webhooks() {
  return Object.fromEntries(
    WEBHOOK_EVENT_TYPES.map((type) => [
      type,
      {
        post: {
          operationId: `webhook_${type.replace(/\W/gu, '_')}`,
          summary: `The \`${type}\` event`,
          description: `${WEBHOOK_NOTES[type] ?? ''}\n\nSigned by the Standard Webhooks scheme (our choice; PromptRails does not document how webhooks are signed): HMAC-SHA256 over \`{webhook-id}.{webhook-timestamp}.{raw body}\`, keyed with the base64-decoded secret after its \`whsec_\` prefix. Receivers reject timestamps more than 5 minutes off and de-duplicate by \`webhook-id\`.`,
          security: [],
          parameters: WEBHOOK_HEADERS.map((name) => ({ $ref: `#/components/parameters/${name}` })),
          requestBody: { required: true, content: json(ref(eventComponentName(type))) },
          responses: {
            '2XX': { description: 'Received. Any other answer, or none, makes the sender retry with the same `webhook-id`.' },
          },
        },
      },
    ]),
  )
}

/** Options of {@link buildOpenApiDocument}. */
export interface DocumentOptions {
  /** The server URL (ending in `/api/v1`) the document points at. @defaultValue PromptRails' own */
  serverUrl?: string
}

/** Builds the document. The same schemas always give the same document, key for key. */
export function buildOpenApiDocument(options: DocumentOptions = {}) {
  return {
    openapi: '3.1.1',
    info: {
      title: 'PromptRails approvals API',
      version: 'v1',
      summary: 'The approvals workflow of the PromptRails API v1, as Signoff describes it.',
      description:
        'Generated from `@signoff/schemas` (the zod schemas the Signoff SDK validates with). Responses are described as a server may send them: unknown fields are allowed, open status sets accept any string, and fields with two spellings accept either. Where PromptRails is silent, a description says the behaviour is our choice.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: options.serverUrl ?? PROMPTRAILS_SERVER }],
    security: [{ ApiKey: [] }],
    tags: [
      { name: 'agents', description: 'Agents, their versions, and running them.' },
      { name: 'executions', description: 'Runs of agents.' },
      { name: 'approvals', description: 'Approval requests and decisions.' },
    ],
    paths: paths(),
    webhooks: webhooks(),
    components: {
      schemas: componentSchemas(components()),
      responses: ERROR_RESPONSES,
      parameters: SHARED_PARAMETERS,
      securitySchemes: {
        ApiKey: {
          type: 'apiKey',
          in: 'header',
          name: 'X-API-Key',
          description: 'An API key (`pr_live_…` or `pr_key_…`). Missing or unknown: 401; without the scope an operation needs: 403.',
        },
      },
    },
  }
}

/** The document as the committed `openapi.json` holds it: two-space JSON and a final newline. */
export function serializeDocument(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`
}
