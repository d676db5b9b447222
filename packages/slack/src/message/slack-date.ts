/**
 * A time in Slack's date syntax, which every reader sees in their own time zone; the RFC 3339
 * text is the fallback for clients that cannot format it.
 */
export function slackDate(timestamp: string): string {
  const milliseconds = Date.parse(timestamp)
  if (Number.isNaN(milliseconds)) return timestamp.replace(/[&<>|^]/g, '')
  return `<!date^${Math.floor(milliseconds / 1000)}^{date_short_pretty} at {time}|${new Date(milliseconds).toISOString()}>`
}
