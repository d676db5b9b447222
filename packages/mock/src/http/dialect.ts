/**
 * Which server the mock imitates, as one choice:
 * - `standard`: the v1 API as the docs and official SDKs give it (list meta `total_pages`, structured error
 *   bodies, 409 for a second decision, execute answering both `id` and `execution_id`);
 * - `emulator`: the public PromptRails emulator, exactly (its error codes and messages, 400
 *   for a second decision, execute answering `id` only, `Idempotency-Key` ignored, lenient
 *   paging);
 * - `newer`: the newer API generation, which spells list meta `pages`; otherwise as `standard`.
 */
export type DialectName = 'standard' | 'emulator' | 'newer'

/** The dialect names, for option parsing. */
export const DIALECTS: readonly DialectName[] = ['standard', 'emulator', 'newer']

/** The former name of {@link DialectName}, still accepted as the `quirks` option. */
export type Quirks = DialectName

/** What a dialect decides about the wire. */
export interface Dialect {
  readonly name: DialectName
  /** How list meta spells the page count. */
  readonly pagesKey: 'total_pages' | 'pages'
  /** The status of a second decision on one approval. */
  readonly conflictStatus: 400 | 409
  /** Whether execute's answer carries `execution_id` beside `id`. */
  readonly executionIdField: boolean
  /** Whether POSTs honour `Idempotency-Key` (the emulator has no such thing). */
  readonly idempotency: boolean
  /**
   * Whether a malformed `page` or `limit`, or a limit over 100, is a 400 (the emulator falls
   * back to 1 and 20, and resets a larger limit to 20).
   */
  readonly strictPaging: boolean
  /** Whether errors carry the emulator's codes (`bad_request`, `not_found`) and messages. */
  readonly emulatorErrors: boolean
}

const STANDARD: Dialect = {
  name: 'standard',
  pagesKey: 'total_pages',
  conflictStatus: 409,
  executionIdField: true,
  idempotency: true,
  strictPaging: true,
  emulatorErrors: false,
}

const DIALECT_TABLE: Record<DialectName, Dialect> = {
  standard: STANDARD,
  newer: { ...STANDARD, name: 'newer', pagesKey: 'pages' },
  emulator: {
    name: 'emulator',
    pagesKey: 'total_pages',
    conflictStatus: 400,
    executionIdField: false,
    idempotency: false,
    strictPaging: false,
    emulatorErrors: true,
  },
}

/** The dialect of a name; throws a TypeError naming the choices for anything else. */
export function dialectOf(name: string): Dialect {
  const dialect = (DIALECT_TABLE as Partial<Record<string, Dialect>>)[name]
  if (dialect === undefined) throw new TypeError(`dialect must be one of ${DIALECTS.join(', ')} (got ${JSON.stringify(name)})`)
  return dialect
}
