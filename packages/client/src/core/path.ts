/**
 * Builds an API path with every interpolated value URL-encoded, so an id can never change
 * which resource a request reaches. The one way ids enter a URL.
 *
 * @example path`/approvals/${id}/decide`
 */
export function path(strings: TemplateStringsArray, ...values: string[]): string {
  let result = strings[0] ?? ''
  values.forEach((value, index) => {
    result += encodeURIComponent(value) + (strings[index + 1] ?? '')
  })
  return result
}
