/** A validation problem as every Standard Schema library reports it. */
export interface SchemaIssue {
  /** What the validator said. */
  readonly message: string
  /** Where in the value the problem is. */
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined
}

/**
 * Writes an issue's path the way a person reads it: `data[2].status`, or `(root)` for the
 * value itself.
 */
export function formatPath(path: SchemaIssue['path']): string {
  if (path === undefined || path.length === 0) return '(root)'
  let text = ''
  for (const segment of path) {
    const key = typeof segment === 'object' ? segment.key : segment
    if (typeof key === 'number') text += `[${key}]`
    else text += text === '' ? String(key) : `.${String(key)}`
  }
  return text
}

/**
 * Describes one issue in words: the field, and what was expected there. zod's compact
 * build reports only "Invalid input", so the expected type or values are spelled out here.
 */
export function describeIssue(issue: SchemaIssue): string {
  const where = formatPath(issue.path)
  const detail = issue as SchemaIssue & { expected?: unknown; values?: unknown; code?: unknown }
  let what = issue.message
  if (what === 'Invalid input' || what === '') {
    if (typeof detail.expected === 'string') what = `expected ${detail.expected}`
    else if (Array.isArray(detail.values)) what = `expected one of ${detail.values.map((v) => JSON.stringify(v)).join(', ')}`
    else if (detail.code === 'invalid_format') what = 'has the wrong format'
  }
  return `${where}: ${what}`
}

/** Describes a list of issues, one per line, at most `limit` of them. */
export function describeIssues(issues: readonly SchemaIssue[], limit = 5): string {
  const lines = issues.slice(0, limit).map(describeIssue)
  if (issues.length > limit) lines.push(`… and ${issues.length - limit} more`)
  return lines.join('; ')
}
