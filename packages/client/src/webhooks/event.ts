import {
  ApprovalEventDataSchema,
  WEBHOOK_EVENT_TYPES,
  WebhookEventSchema,
  describeIssues,
  type WebhookEvent,
  type WebhookEventType,
} from '@signoff/schemas'
import { isResponseValidationError } from '../core/errors/guards.js'
import { typePayload, type PayloadOf, type PayloadSchema } from '../core/payload.js'
import { reject } from './signature.js'

/**
 * Parses an authentic body into a typed event. Known event types carry the approval and its
 * execution; an unknown type still parses, with its data untyped.
 */
export async function parseEvent<S extends PayloadSchema | undefined>(text: string, payloadSchema: S | undefined): Promise<WebhookEvent<PayloadOf<S>>> {
  let json: unknown
  try {
    // RFC 8259 lets a parser ignore a leading byte-order mark; it was signed, so it is kept
    // out of the parse only.
    json = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text)
  } catch {
    return reject('bad_payload', 'the body is not JSON')
  }
  const envelope = WebhookEventSchema.safeParse(json)
  if (!envelope.success) return reject('bad_payload', describeIssues(envelope.error.issues))
  const { type, timestamp } = envelope.data
  if (!isKnownType(type)) return { type: 'unknown', original_type: type, timestamp, data: envelope.data.data }

  const data = ApprovalEventDataSchema.safeParse(envelope.data.data)
  if (!data.success) return reject('bad_payload', describeIssues(data.error.issues.map(prefixData)))
  try {
    const approval = await typePayload('webhook', data.data.approval, payloadSchema, ['data', 'approval'])
    // `type` is one known type here, but TypeScript cannot pair a union-typed `type` with its
    // union member by itself; every known type carries this same data shape.
    return { type, timestamp, data: { ...data.data, approval } } as WebhookEvent<PayloadOf<S>>
  } catch (error) {
    if (isResponseValidationError(error)) return reject('bad_payload', describeIssues(error.issues))
    throw error
  }
}

function isKnownType(type: string): type is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(type)
}

function prefixData<I extends { path?: PropertyKey[] | undefined }>(issue: I): I {
  return { ...issue, path: ['data', ...(issue.path ?? [])] }
}
