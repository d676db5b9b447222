import type { Context } from 'hono'
import type { MockState } from '../domain/state.js'
import type { ApiKeyRecord, Scope } from '../domain/records.js'
import { errorBody, type MockFailure, type Quirks } from './dialect.js'

/** What every route handler needs: the state, the dialect, and helpers to answer. */
export interface RouteContext {
  state: MockState
  quirks: Quirks
}

/** Answers with a failure in the dialect's shape. */
export function fail(c: Context, route: RouteContext, failure: MockFailure): Response {
  return c.json(errorBody(route.quirks, failure), failure.status)
}

/** Whether a value is a failure rather than a result. */
export function isFailure(value: unknown): value is MockFailure {
  return typeof value === 'object' && value !== null && 'status' in value && 'code' in value
}

/**
 * Checks the `X-API-Key` (401 when missing or unknown), the scope (403), and an optional
 * `X-Workspace-ID` (403 when it is not the key's workspace).
 */
export function authenticate(c: Context, route: RouteContext, scope: Scope): ApiKeyRecord | MockFailure {
  const key = c.req.header('x-api-key')
  const record = key === undefined ? undefined : route.state.apiKeys.get(key)
  if (record === undefined) return { status: 401, code: 'unauthorized', message: 'missing or invalid API key' }
  const workspace = c.req.header('x-workspace-id')
  if (workspace !== undefined && workspace !== record.workspace_id) {
    return { status: 403, code: 'forbidden', message: 'the API key does not belong to this workspace' }
  }
  if (!record.scopes.includes(scope)) {
    return { status: 403, code: 'forbidden', message: `the API key lacks the ${scope} scope` }
  }
  return record
}

/** The 404 for an object that does not exist in the caller's workspace (or at all). */
export function notFound(what: string): MockFailure {
  return { status: 404, code: 'not_found', message: `${what} not found` }
}

/** Reads a JSON object body, or explains why it is not one. */
export async function readJsonObject(c: Context): Promise<Record<string, unknown> | MockFailure> {
  let body: unknown
  try {
    body = await c.req.json()
  } catch {
    return { status: 400, code: 'validation_error', message: 'the body must be valid JSON' }
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { status: 400, code: 'validation_error', message: 'the body must be a JSON object' }
  }
  return body as Record<string, unknown>
}
