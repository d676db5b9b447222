import { describeIssues, type SchemaIssue } from '@signoff/schemas'
import { brand } from './brand.js'
import { SignoffError } from './signoff-error.js'

/**
 * The arguments of a call were wrong: nothing was sent. The message names each bad field and
 * what it must be; `issues` lists them for programs.
 *
 * @example
 * ```ts
 * try {
 *   await client.approvals.decide({ approval_id: id, decision: 'maybe' })
 * } catch (error) {
 *   if (error instanceof InvalidRequestError) console.error(error.message)
 *   // approvals.decide: decision: decision must be "approved" or "rejected"
 * }
 * ```
 */
export class InvalidRequestError extends SignoffError {
  override name = brand(this, 'InvalidRequestError')
  /** The method whose arguments were rejected, for example `approvals.decide`. */
  readonly method: string
  /** Each problem found, with the path of the field. */
  readonly issues: readonly SchemaIssue[]

  constructor(method: string, issues: readonly SchemaIssue[]) {
    super(`${method}: ${describeIssues(issues)}`)
    this.method = method
    this.issues = issues
  }
}
