// A checkpoint's payload as a reviewer reads it: text as paragraphs, objects as labelled
// fields, lists as lists. Anything deeper than a few levels falls back to indented JSON.
import { h } from './dom.ts'

const MAX_DEPTH = 3

/** Renders any JSON value as readable DOM (text only, never markup). */
export function renderValue(value: unknown, depth = 0): HTMLElement {
  if (typeof value === 'string') return h('p', { class: 'text' }, value)
  if (value === null || typeof value !== 'object') return h('code', {}, String(value))
  if (depth >= MAX_DEPTH) return h('pre', {}, JSON.stringify(value, null, 2))
  if (Array.isArray(value)) {
    if (value.length === 0) return h('code', {}, '(empty list)')
    return h('ol', {}, ...value.map((item) => h('li', {}, renderValue(item, depth + 1))))
  }
  const entries = Object.entries(value)
  if (entries.length === 0) return h('code', {}, '(empty)')
  const list = h('dl', { class: 'fields' })
  for (const [key, field] of entries) list.append(h('dt', {}, key), h('dd', {}, renderValue(field, depth + 1)))
  return list
}

/** The sections of a payload: its input and output when it has them, else the whole value. */
export function payloadSections(payload: unknown): [title: string, value: unknown][] {
  if (payload === null || payload === undefined) return [['Payload', '(none)']]
  if (typeof payload === 'object' && !Array.isArray(payload) && ('input' in payload || 'output' in payload)) {
    const { input, output } = payload as { input?: unknown; output?: unknown }
    return [['Input', input ?? '(none)'], ['Output', output ?? '(none)']]
  }
  return [['Payload', payload]]
}
