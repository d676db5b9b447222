/**
 * Runs before the tests: the browser tests need Chromium. Found → nothing to do. Missing on
 * a Debian-like machine where we are root → installs Debian's `chromium` package. Otherwise
 * fails with what to do, so a missing browser never passes unnoticed.
 */
import { spawnSync } from 'node:child_process'
import { accessSync, constants } from 'node:fs'
import { chromiumPath } from './chromium-path.ts'

const path = chromiumPath()
const chosen = process.env['CHROMIUM_PATH'] !== undefined && process.env['CHROMIUM_PATH'].trim() !== ''

function runnable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK)
    return true
  } catch {
    return false
  }
}

function hasAptGet(): boolean {
  return spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0
}

// Progress goes to stderr, so it never mixes with what the tests print.
function apt(...args: string[]): boolean {
  console.error(`+ apt-get ${args.join(' ')}`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  return spawnSync('apt-get', args, { stdio: ['ignore', process.stderr, process.stderr], env }).status === 0
}

function fail(reason: string): never {
  console.error(
    [
      `Browser tests need Chromium: ${reason}.`,
      'Install it (Debian or Ubuntu: sudo apt-get install chromium), or set CHROMIUM_PATH to a',
      'Chromium or Chrome binary, then run the tests again.',
    ].join('\n'),
  )
  process.exit(1)
}

if (!runnable(path)) {
  // An explicit CHROMIUM_PATH is the user's choice: installing a package would not put a
  // browser there.
  if (chosen) fail(`CHROMIUM_PATH is ${path}, and no runnable file is there`)
  if (process.getuid?.() !== 0 || !hasAptGet()) fail(`none at ${path}`)
  console.error(`Chromium is missing at ${path}; installing Debian's chromium package for the browser tests.`)
  if (!apt('update') || !apt('install', '-y', 'chromium')) fail('installing the chromium package failed (see above)')
  if (!runnable(path)) fail(`the chromium package installed, but ${path} is still missing`)
}
