// Runs the built `signoff` bin as a child process, the way a user or a script does.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** The built CLI. The tests run it, not the sources, so they also prove the bundle works. */
export const CLI_PATH = fileURLToPath(new URL('../dist/cli.js', import.meta.url))

/** Fails with what to do when the CLI was not built. */
export function assertCliBuilt(): void {
  if (!existsSync(CLI_PATH)) {
    throw new Error(`${CLI_PATH} is missing: build first with \`npx -y pnpm@12.21.0 run build\` at the repository root`)
  }
}

/** How a finished run ended and what it printed. */
export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
}

const running = new Set<ChildProcess>()

/** The environment of a run: this process's, without any PROMPTRAILS_ variable, plus `env`. */
export function cliEnv(env: Record<string, string> = {}): NodeJS.ProcessEnv {
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('PROMPTRAILS_')))
  return { ...base, NO_COLOR: '1', ...env }
}

/** A CLI process that is still running (a wait, a mock, a listener). */
export interface RunningCli {
  /** Resolves with the first stdout or stderr line matching `pattern`; rejects after `timeoutMs`. */
  line(pattern: RegExp, stream?: 'stdout' | 'stderr', timeoutMs?: number): Promise<string>
  /** Everything printed so far. */
  readonly output: { stdout: string; stderr: string }
  /** Resolves once the process exits. */
  readonly exited: Promise<CliResult>
  /** Sends a signal (Ctrl-C by default) and resolves once the process exits. */
  stop(signal?: NodeJS.Signals): Promise<CliResult>
}

/** Starts `signoff …args`; it is killed after `timeoutMs` in any case, so no test can hang on it. */
export function startCli(args: readonly string[], env: Record<string, string> = {}, timeoutMs = 15_000): RunningCli {
  const child = spawn(process.execPath, [CLI_PATH, ...args], { env: cliEnv(env), stdio: ['ignore', 'pipe', 'pipe'] })
  running.add(child)
  const output = { stdout: '', stderr: '' }
  const watchers = new Set<() => void>()
  for (const stream of ['stdout', 'stderr'] as const) {
    child[stream].setEncoding('utf8')
    child[stream].on('data', (chunk: string) => {
      output[stream] += chunk
      for (const watch of watchers) watch()
    })
  }
  const killer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
  const exited = new Promise<CliResult>((resolve) => {
    child.on('close', (code) => {
      clearTimeout(killer)
      running.delete(child)
      resolve({ code, ...output })
    })
  })

  const line = (pattern: RegExp, stream: 'stdout' | 'stderr' = 'stdout', waitMs = 10_000) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const found = output[stream].split('\n').find((text) => pattern.test(text))
        if (found === undefined) return
        done()
        resolve(found)
      }
      const timer = setTimeout(() => {
        done()
        reject(new Error(`no ${stream} line matched ${pattern} within ${waitMs} ms; stdout: ${output.stdout}\nstderr: ${output.stderr}`))
      }, waitMs)
      const done = () => {
        clearTimeout(timer)
        watchers.delete(check)
      }
      watchers.add(check)
      check()
    })

  return {
    line,
    output,
    exited,
    stop: (signal = 'SIGINT') => {
      child.kill(signal)
      return exited
    },
  }
}

/** Starts a `signoff` that serves (a mock, a listener) and reads the URL it prints on its first line. */
export async function serveCli(args: readonly string[], env: Record<string, string> = {}): Promise<{ cli: RunningCli; url: string }> {
  const cli = startCli(args, env)
  const url = (await cli.line(/^http:\/\/127\.0\.0\.1:\d+\/?$/)).replace(/\/$/, '')
  return { cli, url }
}

/** Runs `signoff …args` to its end. */
export function runCli(args: readonly string[], env: Record<string, string> = {}, timeoutMs = 15_000): Promise<CliResult> {
  return startCli(args, env, timeoutMs).exited
}

/** Kills every CLI process a test left running (call it in `afterEach`). */
export async function killLeftovers(): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolve) => {
          child.once('close', () => resolve())
          child.kill('SIGKILL')
        }),
    ),
  )
}
