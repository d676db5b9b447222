import * as z from 'zod/mini'
import type { SlackUser } from '../reviewer-identity.js'

// Only the fields this package reads; Slack sends many more, which pass through untouched.
const SlackUserSchema = z.looseObject({
  id: z.string(),
  username: z.optional(z.string()),
  name: z.optional(z.string()),
  team_id: z.optional(z.string()),
})
const TeamSchema = z.optional(z.nullable(z.looseObject({ id: z.string() })))

const BlockActionsSchema = z.looseObject({
  type: z.literal('block_actions'),
  user: SlackUserSchema,
  team: TeamSchema,
  trigger_id: z.optional(z.string()),
  container: z.optional(z.looseObject({ channel_id: z.optional(z.string()), message_ts: z.optional(z.string()) })),
  channel: z.optional(z.looseObject({ id: z.string() })),
  message: z.optional(z.looseObject({ ts: z.string() })),
  actions: z.array(z.looseObject({ action_id: z.string(), value: z.optional(z.string()) })),
})

const InputValueSchema = z.looseObject({ value: z.optional(z.nullable(z.string())) })

const ViewSubmissionSchema = z.looseObject({
  type: z.literal('view_submission'),
  user: SlackUserSchema,
  team: TeamSchema,
  view: z.looseObject({
    callback_id: z.optional(z.string()),
    private_metadata: z.optional(z.string()),
    state: z.optional(z.looseObject({ values: z.record(z.string(), z.record(z.string(), InputValueSchema)) })),
  }),
})

const OtherInteractionSchema = z.looseObject({ type: z.string() })

/** A button click in a message (`block_actions`). */
export type BlockActions = z.output<typeof BlockActionsSchema>
/** A modal's submission (`view_submission`). */
export type ViewSubmission = z.output<typeof ViewSubmissionSchema>
/** Any interaction this package reads, or another kind it acknowledges and ignores. */
export type Interaction = BlockActions | ViewSubmission | { type: 'other' }

/**
 * Reads an interaction request: a form-encoded body whose `payload` field is JSON.
 * `undefined` when the body is not that shape (answered 400).
 */
export function parseInteraction(body: Buffer): Interaction | undefined {
  const payload = new URLSearchParams(body.toString('utf8')).get('payload')
  if (payload === null) return undefined
  let data: unknown
  try {
    data = JSON.parse(payload)
  } catch {
    return undefined
  }
  for (const schema of [BlockActionsSchema, ViewSubmissionSchema]) {
    const parsed = schema.safeParse(data)
    if (parsed.success) return parsed.data
  }
  return OtherInteractionSchema.safeParse(data).success ? { type: 'other' } : undefined
}

/** The person behind an interaction, as `canDecide` is given it. */
export function slackUserOf(interaction: BlockActions | ViewSubmission): SlackUser {
  const { user, team } = interaction
  return { id: user.id, name: user.name ?? user.username, teamId: user.team_id ?? team?.id }
}
