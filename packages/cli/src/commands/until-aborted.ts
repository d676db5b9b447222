/** Resolves once the signal aborts (Ctrl-C or SIGTERM for the CLI): how long-running commands wait. */
export function untilAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve()
    signal.addEventListener('abort', () => resolve(), { once: true })
  })
}
