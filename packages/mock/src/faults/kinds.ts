/**
 * The faults the mock can inject. Those marked "after" let the request change the state
 * first, then spoil the answer: the hardest case for a client, which cannot tell whether its
 * request took effect.
 */
export const FAULT_KINDS = [
  'server_error', // 500, before
  'bad_gateway', // 502 with an HTML page, before
  'unavailable', // 503, before
  'rate_limit', // 429 with Retry-After in seconds, before
  'rate_limit_date', // 429 with Retry-After as an HTTP date, before
  'reset', // the connection is dropped with no answer, before
  'slow', // the answer comes after `slowMs` (longer than a client's timeout), before
  'lost_response', // applied, then the connection is dropped
  'truncated', // applied, then the JSON body is cut short
  'not_json', // applied, then the body is replaced by plain text
] as const

/** One kind of fault. */
export type FaultKind = (typeof FAULT_KINDS)[number]

/** The faults that happen after the request changed the state. */
export type AfterStateChangeFault = 'lost_response' | 'truncated' | 'not_json'

/** Whether a fault lets the request change the state first. */
export function isAfterStateChange(kind: FaultKind): kind is AfterStateChangeFault {
  return kind === 'lost_response' || kind === 'truncated' || kind === 'not_json'
}
