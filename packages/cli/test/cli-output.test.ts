// What the CLI shows on a terminal. Child processes get pipes, never a TTY, so these paths are
// checked here through streams that say they are terminals.
import { describe, expect, it } from 'vitest'
import { formatDuration, parseDuration } from '../src/args.js'
import { approvalTable } from '../src/commands/approval-view.js'
import { ConnectionError } from '@signoff/client'
import { Secrets, UsageError, describeError } from '../src/errors.js'
import { createOutput, type TextStream } from '../src/output.js'
import { startProgress } from '../src/progress.js'

function terminal(isTTY: boolean): TextStream & { text: string } {
  return {
    isTTY,
    text: '',
    write(chunk: string) {
      this.text += chunk
      return true
    },
  }
}

const stripAnsi = (text: string) => text.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '')

const approval = (id: string, status: string) => ({
  id,
  execution_id: 'exec',
  agent_id: 'agent_1',
  workspace_id: 'ws',
  checkpoint_name: 'review',
  payload: null,
  status,
  decided_by: null,
  decided_at: null,
  expires_at: null,
  reason: null,
  created_at: '2026-11-25T09:40:00.123456789Z',
})

describe('on a terminal', () => {
  it('colours statuses without breaking the alignment, unless NO_COLOR is set', () => {
    const rows = [approval('a1', 'approved'), approval('a2', 'pending'), approval('a3', 'rejected')]
    const coloured = approvalTable(createOutput(terminal(true), terminal(true), {}), rows)
    expect(coloured.join('\n')).toContain('\x1b[32mapproved\x1b[0m')
    expect(coloured.join('\n')).toContain('\x1b[31mrejected\x1b[0m')
    const plain = approvalTable(createOutput(terminal(true), terminal(true), { NO_COLOR: '1' }), rows)
    expect(coloured.map(stripAnsi)).toEqual(plain)
    expect(plain).toEqual([
      'ID  STATUS    CHECKPOINT  AGENT    CREATED',
      'a1  approved  review      agent_1  2026-11-25 09:40:00Z',
      'a2  pending   review      agent_1  2026-11-25 09:40:00Z',
      'a3  rejected  review      agent_1  2026-11-25 09:40:00Z',
    ])
  })

  it('redraws one spinner line with the elapsed time, and clears it when done', () => {
    const stdout = terminal(true)
    const stderr = terminal(true)
    let now = 0
    const progress = startProgress(createOutput(stdout, stderr, {}), 'waiting for a decision on a1', () => now)
    now = 65_000
    progress.update('still pending')
    progress.stop()
    const frames = stdout.text.split('\r\x1b[2K').filter((frame) => frame !== '')
    expect(frames).toEqual([
      expect.stringMatching(/^\S waiting for a decision on a1 · starting · 0s$/),
      expect.stringMatching(/^\S waiting for a decision on a1 · still pending · 1m 05s$/),
    ])
    expect(stdout.text.endsWith('\r\x1b[2K')).toBe(true)
    expect(stderr.text).toBe('')
  })
})

describe('off a terminal', () => {
  it('prints progress as plain lines on stderr, leaving stdout for the result', () => {
    const stdout = terminal(false)
    const stderr = terminal(false)
    let now = 0
    const progress = startProgress(createOutput(stdout, stderr, {}), 'waiting for a decision on a1', () => now)
    now = 4_200
    progress.update('still pending')
    progress.stop()
    expect(stdout.text).toBe('')
    expect(stderr.text).toBe('waiting for a decision on a1\nstill pending after 4s\n')
  })

  it('never colours, even without NO_COLOR', () => {
    const lines = approvalTable(createOutput(terminal(false), terminal(false), {}), [approval('a1', 'approved')])
    expect(lines.join('\n')).not.toContain('\x1b[')
  })
})

describe('durations', () => {
  it('reads ms, s, m, h and d, and bare numbers as seconds, up to the limit asked for', () => {
    const read = (text: string) => parseDuration(text, 'timeout', 'signoff approvals wait')
    expect(['250ms', '30s', '1.5m', '2h', '45', '24d'].map(read)).toEqual([250, 30_000, 90_000, 7_200_000, 45_000, 24 * 86_400_000])
    for (const bad of ['', 'soon', '-1s', '0', '25d', '1e3']) expect(() => read(bad)).toThrow(UsageError)
    expect(() => read('25d')).toThrow('(at most 24d 20h)')
    expect(parseDuration('30d', 'timeout', 'signoff approvals wait', 365 * 86_400_000)).toBe(30 * 86_400_000)
  })

  it('shows them the way people write them', () => {
    expect([0, 300, 4_999, 65_000, 3_600_000 + 20 * 60_000, 30 * 86_400_000].map(formatDuration)).toEqual(['0s', '300ms', '4s', '1m 05s', '1h 20m', '30d 00h'])
  })
})

describe('--debug', () => {
  it('shows the cause chain, through AggregateError members and error codes, with secrets blanked', () => {
    const key = 'pr_key_debug_k3y'
    const refused = Object.assign(new Error(`connect ECONNREFUSED 127.0.0.1:9 (sent ${key})`), { code: 'ECONNREFUSED' })
    const error = new ConnectionError('approvals.get: the connection failed', {
      cause: new TypeError('fetch failed', { cause: new AggregateError([refused], 'every address failed') }),
    })
    const secrets = new Secrets()
    secrets.add(key)
    const text = describeError(error, secrets, true)
    expect(text).toMatch(/^signoff: approvals\.get: the connection failed \(is the API address right\?/)
    expect(text).toContain('\ncaused by: TypeError: fetch failed\n')
    expect(text).toContain('\ncaused by: AggregateError: every address failed\n')
    expect(text).toContain('\ncaused by: Error ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9 (sent [redacted])\n')
    expect(text).not.toContain(key)
    // Without --debug: the one line only.
    expect(describeError(error, secrets, false).split('\n')).toHaveLength(1)
  })
})

describe('secrets', () => {
  it('are blanked also where JSON escaped them, so --json output stays clean', () => {
    const secrets = new Secrets()
    secrets.add('pr_key_with"quote\\and\tescapes')
    const text = JSON.stringify({ payload: 'pasted pr_key_with"quote\\and\tescapes here' })
    expect(secrets.redact(text)).toBe('{"payload":"pasted [redacted] here"}')
  })
})
