// The names a fragment in the docs may use without defining them: what the surrounding prose
// says the reader already has (a client, an agent, an Express-style app, their own functions).
// Keep it small; a block that needs more than this is better written as a program.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ApprovalRequest, Execution, Signoff } from '@signoff/client'
import type { WebhookRequestHandler } from '@signoff/node'
import type { SlackReviewer } from '@signoff/slack'

type Middleware = (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => void

declare global {
  // Signoff
  const client: Signoff
  const agent_id: string
  const execution: Execution
  const approval: ApprovalRequest
  const apiKey: string
  const baseUrl: string
  const secret: string
  const newSecret: string
  const oldSecret: string
  const url: string
  const slack: SlackReviewer

  // The reader's own application
  const app: { post(path: string, ...handlers: Middleware[]): void; use(handler: Middleware): void }
  const express: {
    raw(options: { type: string }): Middleware
    urlencoded(options: { extended: boolean; verify?: (request: IncomingMessage & { rawBody?: Buffer }, response: ServerResponse, body: Buffer) => void }): Middleware
  }
  const request: Request
  const reviewers: Set<string>
  const managers: Set<string>
  const directory: { groupsOf(userId: string): Promise<string[]> }
  const handler: WebhookRequestHandler
  const env: Record<string, string | undefined>
  const input: Record<string, unknown>
  const message: string
  const order: { id: string }
  const sessionToken: string
  const shutdown: AbortController
  function send(payload: unknown): Promise<void>
  function refund(order: unknown): Promise<string>
  function decline(order: unknown): Promise<string>
  function notifyReviewers(approval: ApprovalRequest): Promise<void>
  function resumeJob(approval: ApprovalRequest): Promise<void>
  function signedInUser(context: unknown): Promise<{ id: string } | undefined>
}
