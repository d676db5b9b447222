/**
 * `@signoff/node`: Node helpers for Signoff. Configuration from the environment today;
 * the webhook receiver, waiting jobs and the CLI build on it.
 *
 * @packageDocumentation
 */
export { ENVIRONMENT_VARIABLES, configFromEnv, createClientFromEnv } from './config.js'
