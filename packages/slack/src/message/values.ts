import type { ApprovalRequest } from '@signoff/client'

/** One part of a payload shown to the reviewer: a label and the value as text. */
export interface ShownValue {
  /** `input`, `output` or `payload`: also the key a "Show all" button asks for. */
  key: 'input' | 'output' | 'payload'
  /** The label shown above it. */
  label: string
  /** The value as text: a string as is, anything else as indented JSON. */
  text: string
  /** Whether `text` is JSON (shown in a code block). */
  json: boolean
}

const asText = (value: unknown): Pick<ShownValue, 'text' | 'json'> =>
  typeof value === 'string' ? { text: value, json: false } : { text: JSON.stringify(value, null, 2) ?? String(value), json: true }

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * What a reviewer reads: the run's input and output when the payload has them (as PromptRails
 * checkpoints send), otherwise the whole payload.
 */
export function shownValues(approval: ApprovalRequest): ShownValue[] {
  const { payload } = approval
  if (payload === null || payload === undefined) return []
  if (isRecord(payload) && ('input' in payload || 'output' in payload)) {
    const parts: ShownValue[] = []
    if (payload['input'] !== undefined) parts.push({ key: 'input', label: 'Input', ...asText(payload['input']) })
    if (payload['output'] !== undefined) parts.push({ key: 'output', label: 'Output', ...asText(payload['output']) })
    return parts
  }
  return [{ key: 'payload', label: 'Payload', ...asText(payload) }]
}

/** The value behind a "Show all" button, or `undefined` when the approval has no such part. */
export function shownValue(approval: ApprovalRequest, key: string): ShownValue | undefined {
  return shownValues(approval).find((value) => value.key === key)
}
