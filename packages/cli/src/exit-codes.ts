/**
 * The `signoff` CLI's exit codes. Scripts may rely on them: they are documented in docs/cli.md
 * and never change meaning.
 */
export const EXIT = {
  /** Done; for `approvals wait`, the approval was approved. */
  ok: 0,
  /** The API answered with an error, the network failed, or something else went wrong at run time. */
  error: 1,
  /** The command line was wrong (unknown command or option, missing argument, no API key): nothing was sent. */
  usage: 2,
  /** `approvals wait`: the approval was rejected. */
  rejected: 3,
  /** `approvals wait`: the approval expired before anyone decided. */
  expired: 4,
  /** `approvals wait`: `--timeout` passed with the approval still pending. */
  timeout: 5,
  /** `approvals wait`: `--timeout` passed while the API was not answering (its last poll failed, or none finished): the approval's state is unknown. */
  unreachable: 6,
  /** Stopped by Ctrl-C (SIGINT) or SIGTERM while waiting: 128 + SIGINT's number, as shells report it. */
  interrupted: 130,
} as const

/** One of the codes in {@link EXIT}. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT]
