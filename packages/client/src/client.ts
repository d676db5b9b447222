import type { ClientOptions } from './core/options.js'
import { Transport } from './core/transport.js'
import { Agents } from './resources/agents.js'
import { Approvals } from './resources/approvals.js'
import { Executions } from './resources/executions.js'
import { Webhooks } from './webhooks/resource.js'

/**
 * The Signoff client for the PromptRails approvals API. Runs in Node (22+), browsers, Deno,
 * Bun and edge runtimes.
 *
 * @example
 * ```ts
 * import { Signoff } from '@signoff/client'
 *
 * const client = new Signoff({ apiKey: process.env.PROMPTRAILS_API_KEY })
 * const { data } = await client.approvals.list({ status: 'pending' })
 * await client.approvals.decide({ approval_id: data[0].id, decision: 'approved' })
 * ```
 */
export class Signoff {
  /** Agents, their versions, and executing them. */
  readonly agents: Agents
  /** Executions and the approvals they wait for. */
  readonly executions: Executions
  /** Approval requests: list, get, decide. */
  readonly approvals: Approvals
  /** Verifying and parsing incoming webhook messages (Standard Webhooks signatures). */
  readonly webhooks: Webhooks

  /**
   * Creates a client. Options are checked at once: a wrong option throws an
   * `InvalidRequestError` naming it, and no request is ever sent with it.
   */
  constructor(options: ClientOptions = {}) {
    // The key lives only inside the transport's private state: it never shows in
    // `console.log(client)`, `JSON.stringify(client)` or an error.
    const transport = new Transport(options)
    this.agents = new Agents(transport)
    this.executions = new Executions(transport)
    this.approvals = new Approvals(transport)
    this.webhooks = new Webhooks(options.webhookSecret)
  }
}
