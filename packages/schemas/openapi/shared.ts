// The parts every operation shares: error responses, the optional headers, webhook headers.
import { componentRef } from './json-schema.ts'

const errorContent = { 'application/json': { schema: { $ref: componentRef('ErrorBody') } } }

/** What a client reads from any error: one of the three body shapes. */
const errorResponse = (description: string) => ({ description, content: errorContent })

/** The reusable error responses. */
export const ERROR_RESPONSES = {
  BadRequest: errorResponse(
    'The request is invalid (a bad parameter or body). The PromptRails emulator also answers 400 with `approval has already been decided` for a repeated decision: a conflict.',
  ),
  Unauthorized: errorResponse('The `X-API-Key` header is missing or the key is unknown.'),
  Forbidden: errorResponse('The key lacks the scope the operation needs, or `X-Workspace-ID` is not its workspace.'),
  NotFound: errorResponse('No such object in the caller\'s workspace (another workspace\'s objects are never revealed).'),
  Conflict: errorResponse(
    'The approval request is no longer pending (decided or expired), or a request with the same `Idempotency-Key` is still in progress.',
  ),
  UnprocessableEntity: errorResponse('The `Idempotency-Key` was already used with a different body (our choice, in the Stripe style).'),
  OtherClientError: errorResponse('Another client error, such as 405 from the framework (in the bare `{"message"}` shape).'),
  RateLimited: {
    description: 'Too many requests. Wait as `Retry-After` says when it is present, then retry.',
    headers: {
      'Retry-After': {
        description: 'Seconds to wait, or an HTTP date to wait until.',
        schema: { type: 'string', examples: ['1', 'Wed, 21 Oct 2026 07:28:00 GMT'] },
      },
    },
    content: errorContent,
  },
  ServerError: {
    description:
      'The server failed (500, 502, 503, …). A proxy in front of it may answer with a page that is not JSON at all; clients must still report a typed error.',
    content: {
      ...errorContent,
      'text/html': { schema: { type: 'string' } },
      'text/plain': { schema: { type: 'string' } },
    },
  },
}

const errorRef = (name: keyof typeof ERROR_RESPONSES) => ({ $ref: `#/components/responses/${name}` })

/** The error responses of one operation: those every operation has, plus `extra`. */
export function errorResponses(extra: readonly ('409' | '422')[]) {
  return {
    '400': errorRef('BadRequest'),
    '401': errorRef('Unauthorized'),
    '403': errorRef('Forbidden'),
    '404': errorRef('NotFound'),
    ...(extra.includes('409') ? { '409': errorRef('Conflict') } : {}),
    ...(extra.includes('422') ? { '422': errorRef('UnprocessableEntity') } : {}),
    '429': errorRef('RateLimited'),
    '4XX': errorRef('OtherClientError'),
    '5XX': errorRef('ServerError'),
  }
}

/** The names of the Standard Webhooks headers, as components/parameters keys. */
export const WEBHOOK_HEADERS = ['WebhookId', 'WebhookTimestamp', 'WebhookSignature'] as const

/** The optional request headers, and the webhook headers. */
export const SHARED_PARAMETERS = {
  WorkspaceId: {
    name: 'X-Workspace-ID',
    in: 'header',
    required: false,
    description: 'The workspace to act in; must be the API key\'s own (403 otherwise).',
    schema: { type: 'string', minLength: 1 },
  },
  IdempotencyKey: {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description:
      'Makes a POST safe to retry: a repeat with the same key and body gets the first answer again without acting twice. Which statuses are replayed, the 409 while the first is in flight and the 422 for a reused key are our choice.',
    schema: { type: 'string', minLength: 1, maxLength: 255 },
  },
  WebhookId: {
    name: 'webhook-id',
    in: 'header',
    required: true,
    description: 'Unique per message; redeliveries keep it, so receivers de-duplicate by it.',
    schema: { type: 'string', minLength: 1 },
  },
  WebhookTimestamp: {
    name: 'webhook-timestamp',
    in: 'header',
    required: true,
    description: 'When the message was signed, in unix seconds.',
    schema: { type: 'string', pattern: '^[0-9]+$' },
  },
  WebhookSignature: {
    name: 'webhook-signature',
    in: 'header',
    required: true,
    description:
      'Space-separated `v1,<base64 signature>` entries; any one of them may match (that is how secrets rotate).',
    schema: { type: 'string', pattern: '^\\S+,\\S+( \\S+,\\S+)*$' },
  },
}
