import { describeIssues, type SchemaIssue } from '@signoff/schemas'
import { brand } from './brand.js'
import { SignoffError } from './signoff-error.js'

/**
 * The server answered, but its response broke the contract: a field is missing or has the
 * wrong type. The message names the field and what was expected. Unknown fields and unknown
 * status values never cause this error.
 */
export class ResponseValidationError extends SignoffError {
  override name = brand(this, 'ResponseValidationError')
  /** The method whose response was rejected, for example `approvals.get`. */
  readonly method: string
  /** Each problem found, with the path of the field in the response body. */
  readonly issues: readonly SchemaIssue[]
  /** The HTTP status of the response (0 when it was lost before its status was kept). */
  readonly status: number
  /**
   * Whether the body was not JSON at all (an HTML page from a proxy, a body cut short), as
   * opposed to JSON of the wrong shape. The first is usually passing trouble on the way, and
   * reading again may succeed; the second is the server's and will not go away by itself.
   */
  readonly notJson: boolean

  constructor(
    method: string,
    status: number,
    issues: readonly SchemaIssue[],
    options: { notJson?: boolean; cause?: unknown } = {},
  ) {
    super(`${method}: the response does not match the API contract: ${describeIssues(issues)}`, 'cause' in options ? { cause: options.cause } : undefined)
    this.method = method
    this.status = status
    this.issues = issues
    this.notJson = options.notJson ?? false
  }
}
