/**
 * Where the browser tests find Chromium: `$CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`.
 * One answer for the check that runs before the tests and for the vitest config that
 * launches the browser, so the two cannot disagree.
 */
export function chromiumPath(env: Record<string, string | undefined> = process.env): string {
  const configured = env['CHROMIUM_PATH']?.trim()
  return configured === undefined || configured === '' ? '/usr/bin/chromium' : configured
}
