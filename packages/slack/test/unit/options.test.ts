import { InvalidRequestError, Signoff } from '@signoff/client'
import { SlackReviewer, slackSignature, verifySlackRequest, SlackVerificationError } from '@signoff/slack'
import { expect, it } from 'vitest'

const client = new Signoff({ apiKey: 'pr_key_test', baseUrl: 'http://127.0.0.1:9' })

it('names every bad option before anything is sent, and never repeats a secret', () => {
  const make = () =>
    new SlackReviewer(client, { token: '', signingSecret: '', channel: ' ', slackTimeout: 2 ** 31, slackRetries: -1 })
  expect(make).toThrow(InvalidRequestError)
  expect(make).toThrow(/token: .*SLACK_BOT_TOKEN.*signingSecret: .*SLACK_SIGNING_SECRET.*channel: .*slackTimeout: .*slackRetries/s)
  const withSecrets = () => new SlackReviewer(client, { token: 'xoxb-should-never-appear', signingSecret: 'also-secret', channel: '', maxBodyBytes: 0 })
  expect(withSecrets).toThrow(/channel: .*maxBodyBytes/s)
  expect(withSecrets).not.toThrow(/xoxb-should-never-appear|also-secret/)
})

it('checks a signature against the raw body and a five-minute window', () => {
  const body = Buffer.from('payload=%7B%7D')
  const now = 1_800_000_000_000
  const timestamp = String(now / 1000)
  const headers = { 'x-slack-request-timestamp': timestamp, 'x-slack-signature': slackSignature('secret', timestamp, body) }
  expect(() => verifySlackRequest(body, headers, { signingSecret: 'secret', now })).not.toThrow()
  expect(() => verifySlackRequest(body, headers, { signingSecret: 'secret', now: now + 300_000 })).not.toThrow()
  expect(() => verifySlackRequest(body, headers, { signingSecret: 'secret', now: now + 301_000 })).toThrow(SlackVerificationError)
  expect(() => verifySlackRequest(body, headers, { signingSecret: 'secret', now: now - 301_000 })).toThrow(/5 minutes/)
  expect(() => verifySlackRequest(body, { ...headers, 'x-slack-request-timestamp': '1e9' }, { signingSecret: 'secret', now })).toThrow(
    SlackVerificationError,
  )
  expect(() => verifySlackRequest(Buffer.from('payload=%7B%7D '), headers, { signingSecret: 'secret', now })).toThrow(/does not match/)
})
