import type { CommandSpec, OptionSpec } from './command.js'
import { ENVIRONMENT_VARIABLES } from '@signoff/node'

/** `--help` for one command: usage, summary, options, notes, examples. */
export function commandHelp(command: CommandSpec): string {
  const usage = ['signoff', command.name, ...(command.arguments ?? []), '[options]'].join(' ')
  const sections = [`Usage: ${usage}`, command.summary + '.', `Options:\n${optionLines(command.options)}`]
  if (command.notes?.length) sections.push(command.notes.join('\n'))
  if (command.examples?.length) sections.push(`Examples:\n${command.examples.map((example) => `  ${example}`).join('\n')}`)
  return `${sections.join('\n\n')}\n`
}

/** `--help` for a group such as `approvals`: its commands. */
export function groupHelp(group: string, commands: readonly CommandSpec[]): string {
  return [
    `Usage: signoff ${group} <command> [options]`,
    `Commands:\n${commandLines(commands)}`,
    `Run signoff ${group} <command> --help for a command's options.`,
  ].join('\n\n') + '\n'
}

/** `signoff --help`: every command, the environment, the exit codes. */
export function mainHelp(commands: readonly CommandSpec[]): string {
  const variables = Object.keys(ENVIRONMENT_VARIABLES).map((name) => `  ${name}`).join('\n')
  return [
    'Usage: signoff <command> [options]',
    'Review and decide PromptRails approval requests, wait for decisions, and run a local mock API or webhook receiver.',
    `Commands:\n${commandLines(commands)}`,
    `Environment (flags win over it):\n${variables}`,
    'Exit codes: 0 ok, 1 API or runtime error, 2 usage error; approvals wait: 3 rejected, 4 expired, 5 timed out, 6 API unreachable; 130 interrupted.',
    'Run signoff <command> --help for a command\'s options; signoff --version for the version.',
  ].join('\n\n') + '\n'
}

function commandLines(commands: readonly CommandSpec[]): string {
  const names = commands.map((command) => [command.name, ...(command.arguments ?? [])].join(' '))
  const width = Math.max(...names.map((name) => name.length))
  return commands.map((command, index) => `  ${(names[index] ?? '').padEnd(width)}  ${command.summary}`).join('\n')
}

function optionLines(options: Readonly<Record<string, OptionSpec>>): string {
  const entries = Object.entries(options).map(([name, spec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.value ? ` <${spec.value}>` : ''}`
    return [flag, spec.description] as const
  })
  const width = Math.max(...entries.map(([flag]) => flag.length))
  return entries.map(([flag, description]) => `  ${flag.padEnd(width)}  ${description}`).join('\n')
}
