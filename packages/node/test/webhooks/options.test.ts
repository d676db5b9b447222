// createWebhookHandler checks every option when it is called, not when the first delivery comes.
import { InvalidRequestError } from '@signoff/client'
import { describe, expect, it } from 'vitest'
import { createWebhookHandler, type WebhookHandlerOptions } from '../../src/index.js'
import { SECRET } from './fixture.js'

function refusal(options: WebhookHandlerOptions): InvalidRequestError {
  try {
    createWebhookHandler(options)
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidRequestError)
    return error as InvalidRequestError
  }
  throw new Error('expected an InvalidRequestError')
}

const paths = (error: InvalidRequestError) => error.issues.map((issue) => issue.path)

describe('createWebhookHandler options', () => {
  it('refuses a malformed secret, and one bad entry of a rotation list, without repeating it', () => {
    const single = refusal({ secret: 'whsec_not*base64!', on: {} })
    expect(paths(single)).toEqual([['secret']])
    expect(single.message).toMatch(/^createWebhookHandler: secret: the webhook secret must be "whsec_" followed by the base64 key/)
    const rotation = refusal({ secret: [SECRET, 'whsec_abc'], on: {} })
    expect(paths(rotation)).toEqual([['secret', 1]])
    for (const error of [single, rotation]) expect(`${String(error)} ${error.stack ?? ''}`).not.toMatch(/not\*base64|whsec_abc|MfKQ9r8G/)
  })

  it('refuses a missing secret, naming the variable it falls back to', () => {
    const previous = process.env['PROMPTRAILS_WEBHOOK_SECRET']
    delete process.env['PROMPTRAILS_WEBHOOK_SECRET']
    try {
      expect(refusal({ on: {} }).message).toMatch(/PROMPTRAILS_WEBHOOK_SECRET/)
    } finally {
      if (previous !== undefined) process.env['PROMPTRAILS_WEBHOOK_SECRET'] = previous
    }
  })

  it.each([
    ['toleranceSeconds', Number.NaN],
    ['toleranceSeconds', '300'],
    ['maxBodyBytes', 0],
    ['maxBodyBytes', Number.NaN],
    ['maxBodyBytes', 1.5],
    ['rememberIds', -1],
    ['rememberIds', '10'],
    ['rememberIds', Number.POSITIVE_INFINITY],
    ['bodyTimeoutMs', 0],
    ['bodyTimeoutMs', 2 ** 31],
    ['onError', 'console.error'],
  ])('refuses %s: %s', (option, value) => {
    expect(paths(refusal({ secret: SECRET, on: {}, [option]: value } as WebhookHandlerOptions))).toEqual([[option]])
  })

  it('refuses handlers that are not functions and event types that do not exist', () => {
    const on = { 'approval.decided': 'handle', 'approval.decidd': () => {} } as unknown as WebhookHandlerOptions['on']
    expect(paths(refusal({ secret: SECRET, on }))).toEqual([['on', 'approval.decided'], ['on', 'approval.decidd']])
    expect(paths(refusal({ secret: SECRET } as WebhookHandlerOptions))).toEqual([['on']])
  })

  it('lists every problem at once', () => {
    const error = refusal({ secret: 'whsec_abc', on: {}, toleranceSeconds: Number.NaN, maxBodyBytes: -5 })
    expect(paths(error)).toEqual([['maxBodyBytes'], ['secret'], ['toleranceSeconds']])
  })
})
