/** A stream the CLI writes to: process.stdout / stderr, or a test double. */
export interface TextStream {
  write(text: string): unknown
  isTTY?: boolean | undefined
}

/** Where the CLI prints, and how. */
export interface Output {
  /** Whether stdout is a terminal: then tables get colour and waits get a spinner. */
  readonly interactive: boolean
  /** Whether to colour text (a terminal, and no `NO_COLOR` / `TERM=dumb`). */
  readonly color: boolean
  readonly stdout: TextStream
  readonly stderr: TextStream
  /** Prints a line of results on stdout. */
  line(text: string): void
  /** Prints a line of progress or diagnostics on stderr, so stdout stays parseable. */
  note(text: string): void
  /** Prints a value as one line of JSON on stdout. */
  json(value: unknown): void
}

/**
 * Builds the CLI's output over two streams; TTY detection uses `stdout.isTTY`. Everything
 * written, results included (a payload may hold a key), goes through `redact` first.
 */
export function createOutput(
  stdout: TextStream = process.stdout,
  stderr: TextStream = process.stderr,
  env: Readonly<Record<string, string | undefined>> = process.env,
  redact: (text: string) => string = (text) => text,
): Output {
  const interactive = stdout.isTTY === true
  const color = interactive && !env['NO_COLOR'] && env['TERM'] !== 'dumb'
  const safe = (stream: TextStream): TextStream => ({ isTTY: stream.isTTY, write: (text) => stream.write(redact(text)) })
  const out = safe(stdout)
  const err = safe(stderr)
  return {
    interactive,
    color,
    stdout: out,
    stderr: err,
    line: (text) => out.write(`${text}\n`),
    note: (text) => err.write(`${text}\n`),
    json: (value) => out.write(`${JSON.stringify(value)}\n`),
  }
}

const CODES = { bold: 1, dim: 2, red: 31, green: 32, yellow: 33 } as const

/** Wraps text in an ANSI style when colour is on. */
export function paint(output: Output, style: keyof typeof CODES, text: string): string {
  return output.color ? `\x1b[${CODES[style]}m${text}\x1b[0m` : text
}

/** An approval status in its colour: pending yellow, approved green, rejected red, expired dim. */
export function paintStatus(output: Output, status: string, width = 0): string {
  const padded = status.padEnd(width)
  if (status === 'approved') return paint(output, 'green', padded)
  if (status === 'rejected') return paint(output, 'red', padded)
  if (status === 'pending') return paint(output, 'yellow', padded)
  if (status === 'expired') return paint(output, 'dim', padded)
  return padded
}

/** One column of a {@link table}. */
export interface Column<T> {
  header: string
  value: (row: T) => string
  /** Styles the already padded cell (padding first keeps colour codes out of the widths). */
  style?: ((padded: string, row: T) => string) | undefined
}

/** Lays rows out as aligned columns under a header; returns the lines. */
export function table<T>(output: Output, rows: readonly T[], columns: readonly Column<T>[]): string[] {
  const cells = rows.map((row) => columns.map((column) => column.value(row)))
  const widths = columns.map((column, index) => Math.max(column.header.length, ...cells.map((row) => row[index]?.length ?? 0)))
  const render = (texts: readonly string[], style: (text: string, index: number) => string) =>
    texts
      .map((text, index) => style(index === texts.length - 1 ? text : text.padEnd(widths[index] ?? 0), index))
      .join('  ')
      .trimEnd()
  const header = render(
    columns.map((column) => column.header),
    (text) => paint(output, 'bold', text),
  )
  const lines = cells.map((texts, rowIndex) =>
    render(texts, (text, index) => {
      const style = columns[index]?.style
      const row = rows[rowIndex]
      return style && row !== undefined ? style(text, row) : text
    }),
  )
  return [header, ...lines]
}

/** An RFC 3339 time shown to the second, in UTC: `2026-11-25 09:41:07Z`; other text as given. */
export function formatTime(value: string | null | undefined): string {
  if (!value) return '-'
  const time = new Date(value)
  return Number.isNaN(time.getTime()) ? value : `${time.toISOString().slice(0, 19).replace('T', ' ')}Z`
}
