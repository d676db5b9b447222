import * as z from 'zod/mini'
import { PaginationParamsShape } from './envelopes.js'
import {
  IdSchema,
  JsonObjectSchema,
  TimestampSchema,
  idParam,
  withAlias,
  type Known,
  type Without,
} from './primitives.js'
import { stringOfLength } from './refinements.js'

/**
 * The approval settings inside an agent version's `config`. The docs name the checkpoint
 * `checkpoint_name`; the SDKs and the emulator's data say `approval_checkpoint_name`.
 * Both parse, and the parsed config always carries `checkpoint_name` when either was sent.
 * Every other config key (`temperature`, `type`, …) passes through untouched.
 */
export const AgentConfigSchema = /* @__PURE__ */ (() => withAlias(
  'approval_checkpoint_name',
  'checkpoint_name',
  z.looseObject({
    approval_required: z.optional(z.boolean()),
    checkpoint_name: z.optional(z.string()),
    approval_checkpoint_name: z.optional(z.string()),
  }),
))()

/** An agent version's config as parsed: approval settings plus any other keys. */
export type AgentConfig = z.output<typeof AgentConfigSchema>

/** One version of an agent's configuration. */
export const AgentVersionSchema = /* @__PURE__ */ (() => z.looseObject({
  id: IdSchema,
  agent_id: IdSchema,
  version: z.string(),
  config: z.nullable(AgentConfigSchema),
  input_schema: z.optional(z.nullable(z.unknown())),
  output_schema: z.optional(z.nullable(z.unknown())),
  is_current: z.boolean(),
  message: z.optional(z.nullable(z.string())),
  created_at: TimestampSchema,
}))()

/**
 * One version of an agent's configuration, as parsed: its known fields (unknown fields pass
 * at run time). `config` stays open: it holds any model settings besides the approval ones.
 */
export type AgentVersion = Without<Known<z.output<typeof AgentVersionSchema>>, 'config'> & { config: AgentConfig | null }

/** An agent, with the version that currently runs. */
export const AgentSchema = /* @__PURE__ */ (() => z.looseObject({
  id: IdSchema,
  name: z.string(),
  workspace_id: z.optional(IdSchema),
  description: z.optional(z.nullable(z.string())),
  type: z.optional(z.nullable(z.string())),
  status: z.optional(z.nullable(z.string())),
  current_version: z.optional(z.nullable(AgentVersionSchema)),
  created_at: z.optional(TimestampSchema),
  updated_at: z.optional(TimestampSchema),
}))()

/** An agent, as parsed: its known fields (unknown fields pass at run time). */
export type Agent = Without<Known<z.output<typeof AgentSchema>>, 'current_version'> & {
  current_version?: AgentVersion | null | undefined
}

/** The config a caller sends with a new version: approval settings plus any other keys. */
export const AgentConfigInputSchema = /* @__PURE__ */ (() => z.looseObject({
  approval_required: z.optional(
    z.boolean({ error: 'config.approval_required must be true or false' }),
  ),
  checkpoint_name: z.optional(
    stringOfLength(
      { minLength: 1 },
      { type: 'config.checkpoint_name must be a string such as "review_response"', length: 'config.checkpoint_name must not be empty' },
    ),
  ),
}))()

/** Parameters of `agents.create_version`. */
export const CreateVersionParamsSchema = /* @__PURE__ */ (() => z.object({
  agent_id: idParam('agent_id'),
  config: AgentConfigInputSchema,
  version: z.optional(z.string({ error: 'version must be a string such as "1.1.0"' })),
  message: z.optional(z.string({ error: 'message must be a string' })),
  input_schema: z.optional(JsonObjectSchema),
  output_schema: z.optional(JsonObjectSchema),
  set_current: z.optional(z.boolean({ error: 'set_current must be true or false' })),
}))()

/** Parameters of `agents.create_version`. */
export type CreateVersionParams = z.input<typeof CreateVersionParamsSchema>

/** Parameters of `agents.list`. */
export const AgentListParamsSchema = /* @__PURE__ */ (() => z.object({
  ...PaginationParamsShape,
  type: z.optional(z.string({ error: 'type must be a string' })),
  name: z.optional(z.string({ error: 'name must be a string' })),
}))()

/** Parameters of `agents.list`. */
export type AgentListParams = z.input<typeof AgentListParamsSchema>

/** Parameters of `agents.get`. */
export const AgentIdParamsSchema = /* @__PURE__ */ (() => z.object({ agent_id: idParam('agent_id') }))()
