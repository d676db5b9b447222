import { InvalidRequestError } from '@signoff/client'
import { describe, expect, it } from 'vitest'
import { configFromEnv } from '../src/config.js'

describe('configFromEnv', () => {
  it('reads every PROMPTRAILS_ variable into the option it names', () => {
    const options = configFromEnv({}, {
      PROMPTRAILS_API_KEY: 'pr_key_env',
      PROMPTRAILS_BASE_URL: 'http://127.0.0.1:9999',
      PROMPTRAILS_WORKSPACE_ID: 'ws_1',
      PROMPTRAILS_WEBHOOK_SECRET: 'whsec_abc',
    })
    expect(options).toEqual({
      apiKey: 'pr_key_env',
      baseUrl: 'http://127.0.0.1:9999',
      workspaceId: 'ws_1',
      webhookSecret: 'whsec_abc',
    })
  })

  it('lets passed options win and ignores empty variables', () => {
    const options = configFromEnv({ baseUrl: 'http://localhost:1' }, {
      PROMPTRAILS_API_KEY: 'pr_key_env',
      PROMPTRAILS_BASE_URL: 'http://ignored',
      PROMPTRAILS_WORKSPACE_ID: '  ',
    })
    expect(options).toEqual({ apiKey: 'pr_key_env', baseUrl: 'http://localhost:1' })
  })

  it('names the variable to set when no key is given, without echoing values', () => {
    const call = () => configFromEnv({}, { PROMPTRAILS_WEBHOOK_SECRET: 'whsec_topsecret' })
    expect(call).toThrow(InvalidRequestError)
    expect(call).toThrow(/PROMPTRAILS_API_KEY/)
    expect(call).not.toThrow(/topsecret/)
  })
})
