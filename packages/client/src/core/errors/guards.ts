import { hasKind } from './brand.js'
import type {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from './api-error.js'
import type { ConnectionError, TimeoutError } from './connection-error.js'
import type { InvalidRequestError } from './invalid-request-error.js'
import type { ResponseValidationError } from './response-validation-error.js'
import type { SignoffError } from './signoff-error.js'
import type { WebhookVerificationError } from './webhook-verification-error.js'

// One guard per exported error class. Unlike `instanceof`, each holds for an error made by any
// copy of `@signoff/client` (two versions in one install) and in any realm (an iframe, a
// worker, a VM context), as ky's `isKyError` does: the errors carry a brand, not a class.

/**
 * Whether a value is any error thrown by Signoff.
 *
 * @example
 * ```ts
 * try {
 *   await client.approvals.decide(id, { decision: 'approved' })
 * } catch (error) {
 *   if (isConflictError(error)) console.log('already decided:', error.approval?.status)
 *   else if (isSignoffError(error)) console.error(error.message)
 *   else throw error
 * }
 * ```
 */
export const isSignoffError = (value: unknown): value is SignoffError => hasKind(value, 'SignoffError')
/** Whether a value is an {@link ApiError}: the server answered with an error status. */
export const isApiError = (value: unknown): value is ApiError => hasKind(value, 'ApiError')
/** Whether a value is a {@link BadRequestError} (400). */
export const isBadRequestError = (value: unknown): value is BadRequestError => hasKind(value, 'BadRequestError')
/** Whether a value is an {@link AuthenticationError} (401). */
export const isAuthenticationError = (value: unknown): value is AuthenticationError => hasKind(value, 'AuthenticationError')
/** Whether a value is a {@link PermissionDeniedError} (403). */
export const isPermissionDeniedError = (value: unknown): value is PermissionDeniedError =>
  hasKind(value, 'PermissionDeniedError')
/** Whether a value is a {@link NotFoundError} (404). */
export const isNotFoundError = (value: unknown): value is NotFoundError => hasKind(value, 'NotFoundError')
/** Whether a value is a {@link ConflictError} (409, or "already decided"). */
export const isConflictError = (value: unknown): value is ConflictError => hasKind(value, 'ConflictError')
/** Whether a value is an {@link UnprocessableEntityError} (422). */
export const isUnprocessableEntityError = (value: unknown): value is UnprocessableEntityError =>
  hasKind(value, 'UnprocessableEntityError')
/** Whether a value is a {@link RateLimitError} (429). */
export const isRateLimitError = (value: unknown): value is RateLimitError => hasKind(value, 'RateLimitError')
/** Whether a value is an {@link InternalServerError} (5xx). */
export const isInternalServerError = (value: unknown): value is InternalServerError => hasKind(value, 'InternalServerError')
/** Whether a value is a {@link ConnectionError}; a {@link TimeoutError} is one too. */
export const isConnectionError = (value: unknown): value is ConnectionError => hasKind(value, 'ConnectionError')
/** Whether a value is a {@link TimeoutError}. */
export const isTimeoutError = (value: unknown): value is TimeoutError => hasKind(value, 'TimeoutError')
/** Whether a value is a {@link ResponseValidationError}: the server broke the contract. */
export const isResponseValidationError = (value: unknown): value is ResponseValidationError =>
  hasKind(value, 'ResponseValidationError')
/** Whether a value is an {@link InvalidRequestError}: bad input, caught before sending. */
export const isInvalidRequestError = (value: unknown): value is InvalidRequestError => hasKind(value, 'InvalidRequestError')
/** Whether a value is a {@link WebhookVerificationError}. */
export const isWebhookVerificationError = (value: unknown): value is WebhookVerificationError =>
  hasKind(value, 'WebhookVerificationError')
