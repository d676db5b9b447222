// `fetch` refuses a header whose name is not an HTTP token or whose value holds CR, LF, NUL or
// a character beyond Latin-1, and its TypeError quotes the value: with the API key in it. So
// every header is checked here first, and a problem is reported by option and header name only.

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/
const FORBIDDEN_IN_VALUE = /[\0\r\n]|[^\0-\u00ff]/

/** Why a header value cannot be sent, or `undefined` when it can. Never quotes the value. */
export function headerValueProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'must be a string'
  if (FORBIDDEN_IN_VALUE.test(value)) return 'must not contain line breaks, NUL or characters outside Latin-1'
  return undefined
}

/** The problems of a record of extra headers, each naming the option and the header. */
export function headerProblems(option: string, headers: unknown): { path: string[]; message: string }[] {
  if (headers === undefined) return []
  if (typeof headers !== 'object' || headers === null || Array.isArray(headers)) {
    return [{ path: [option], message: `${option} must be an object of header names and values` }]
  }
  const problems: { path: string[]; message: string }[] = []
  for (const [name, value] of Object.entries(headers)) {
    if (!TOKEN.test(name)) {
      problems.push({ path: [option], message: `${option} has a header name that is not a valid HTTP token` })
      continue
    }
    const problem = headerValueProblem(value)
    if (problem !== undefined) problems.push({ path: [option, name], message: `${option}["${name}"] ${problem}` })
  }
  return problems
}
