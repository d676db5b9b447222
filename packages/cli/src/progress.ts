import { formatDuration } from './args.js'
import type { Output } from './output.js'

/** Progress of a long wait: a redrawn spinner line on a terminal, plain lines elsewhere. */
export interface Progress {
  /** Says what is happening now (e.g. the status seen by the last poll). */
  update(state: string): void
  /** Clears the spinner line; later output starts on a clean line. */
  stop(): void
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏']
const CLEAR_LINE = '\r\x1b[2K'

/**
 * Starts showing progress for `label`. On a terminal (stdout is a TTY) one line on stdout is
 * redrawn ten times a second with a spinner, the latest state and the time elapsed. Otherwise
 * each `update` prints a line on stderr with the time elapsed, and stdout is left for the result.
 */
export function startProgress(output: Output, label: string, now: () => number = performance.now.bind(performance)): Progress {
  const started = now()
  // Whole seconds: a counter that ticks in ms is noise to read.
  const elapsed = () => formatDuration(Math.floor((now() - started) / 1_000) * 1_000)
  let state = 'starting'

  if (!output.interactive) {
    output.note(`${label}`)
    return {
      update: (next) => {
        state = next
        output.note(`${state} after ${elapsed()}`)
      },
      stop: () => undefined,
    }
  }

  let frame = 0
  const draw = () => {
    const spinner = FRAMES[frame++ % FRAMES.length] ?? '*'
    output.stdout.write(`${CLEAR_LINE}${spinner} ${label} · ${state} · ${elapsed()}`)
  }
  draw()
  const timer = setInterval(draw, 100)
  return {
    update: (next) => {
      state = next
      draw()
    },
    stop: () => {
      clearInterval(timer)
      output.stdout.write(CLEAR_LINE)
    },
  }
}
