// How ids and times read to a person: ids are 27 characters, too long to scan in a list.

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' })
const absolute = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' })

/** The tail of an id, enough to tell approvals apart at a glance; the full id goes in a tooltip. */
export function shortId(id: string): string {
  return id.length > 12 ? `…${id.slice(-8)}` : id
}

/** Milliseconds since the epoch of an API timestamp (which may carry nanoseconds). */
export function parseTime(timestamp: string): number {
  return Date.parse(timestamp.replace(/(\.\d{3})\d+/, '$1'))
}

/** "3 minutes ago", "in 1 hour": the distance from `now`, in the largest unit that fits. */
export function fromNow(timestamp: string, now: number): string {
  const seconds = Math.round((parseTime(timestamp) - now) / 1000)
  const steps: [Intl.RelativeTimeFormatUnit, number][] = [['day', 86_400], ['hour', 3_600], ['minute', 60]]
  for (const [unit, size] of steps) {
    if (Math.abs(seconds) >= size) return relative.format(Math.trunc(seconds / size), unit)
  }
  return relative.format(seconds, 'second')
}

/** The date and time in the reader's locale, for tooltips. */
export function readableTime(timestamp: string): string {
  return absolute.format(parseTime(timestamp))
}
