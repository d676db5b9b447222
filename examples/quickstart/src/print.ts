// Small helpers that keep the walkthrough's output readable on any terminal.

const useColor = process.stdout.isTTY === true && process.env['NO_COLOR'] === undefined
const paint = (code: number) => (text: string) => (useColor ? `\u001b[${code}m${text}\u001b[0m` : text)

export const bold = paint(1)
export const dim = paint(2)
export const green = paint(32)
export const red = paint(31)
export const yellow = paint(33)

/** Prints a numbered step. */
export function step(number: number, title: string): void {
  console.log(`\n${bold(`${number}.`)} ${bold(title)}`)
}

/** Prints an indented detail line. */
export function detail(text: string): void {
  console.log(`   ${text}`)
}

/** Colours a status so the eye finds it. */
export function status(value: string): string {
  if (value === 'completed' || value === 'approved') return green(value)
  if (value === 'rejected' || value === 'failed' || value === 'expired') return red(value)
  return yellow(value)
}

/** Shortens an id for display: the full id stays in the data. */
export function short(id: string): string {
  return id.length > 12 ? `${id.slice(0, 10)}…` : id
}

/** A value as one readable line. */
export function oneLine(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return text.length > 70 ? `${text.slice(0, 69)}…` : text
}
