// What the OpenAPI generator needs to know that the schemas cannot say at run time: the known
// values of open status sets (openEnum keeps them only in the type), which field is the second
// spelling of another (withAlias keeps them only in a closure), and the words a reader needs.
import {
  APPROVAL_STATUSES,
  AgentConfigSchema,
  AgentSchema,
  AgentVersionSchema,
  ApprovalEventDataSchema,
  ApprovalRequestSchema,
  ApprovalStatusSchema,
  BareErrorBodySchema,
  ErrorBodySchema,
  EXECUTION_STATUSES,
  ExecutionSchema,
  ExecutionStatusSchema,
  ListMetaSchema,
  ShortErrorBodySchema,
  StructuredErrorBodySchema,
  WebhookEventSchema,
  WebhookExecutionSchema,
} from '@signoff/schemas'

/** A status set that may grow: the values known today, listed for readers and generators. */
export interface OpenEnumInfo {
  known: readonly string[]
  description: string
}

/** The open status sets, by schema. */
export const OPEN_ENUMS = new Map<unknown, OpenEnumInfo>([
  [
    ApprovalStatusSchema,
    {
      known: APPROVAL_STATUSES,
      description: 'An approval status. The known values are listed; any other string may appear and must be accepted.',
    },
  ],
  [
    ExecutionStatusSchema,
    {
      known: EXECUTION_STATUSES,
      description:
        'An execution status. The known values are listed (`waiting_approval` and `cancel_requested` come from the newer API); any other string may appear and must be accepted.',
    },
  ],
])

/** A field a server may send under either of two names, either one alone. */
export interface AliasInfo {
  canonical: string
  alias: string
  note: string
}

/** The fields with two spellings, by schema. */
export const ALIASES = new Map<unknown, AliasInfo>([
  [
    AgentConfigSchema,
    {
      canonical: 'checkpoint_name',
      alias: 'approval_checkpoint_name',
      note: 'The checkpoint name is `checkpoint_name` in the PromptRails docs and `approval_checkpoint_name` in the official SDKs and the emulator: either may come alone, or both.',
    },
  ],
  [
    ListMetaSchema,
    {
      canonical: 'total_pages',
      alias: 'pages',
      note: 'The page count is `total_pages`; the newer API spells it `pages`. At least one of them is present.',
    },
  ],
  [
    ExecutionSchema,
    {
      canonical: 'id',
      alias: 'execution_id',
      note: 'The official SDKs read the execute response id as `execution_id`, the emulator sends `id`: at least one of them is present.',
    },
  ],
])

/** The reusable schemas of the document: name, schema, description. */
export const COMPONENTS: ReadonlyArray<readonly [string, unknown, string]> = [
  ['ApprovalStatus', ApprovalStatusSchema, ''],
  ['ExecutionStatus', ExecutionStatusSchema, ''],
  [
    'AgentConfig',
    AgentConfigSchema,
    'An agent version config. `approval_required: true` makes runs pause at the named checkpoint; every other key (`temperature`, `type`, …) passes through untouched.',
  ],
  ['AgentVersion', AgentVersionSchema, 'One version of an agent configuration.'],
  ['Agent', AgentSchema, 'An agent, with the version that currently runs.'],
  ['Execution', ExecutionSchema, 'One run of an agent.'],
  [
    'ApprovalRequest',
    ApprovalRequestSchema,
    'A request for a person to approve or reject an execution paused at a checkpoint. `payload` holds what the reviewer needs (the input, the output, the checkpoint) and may be null.',
  ],
  ['ListMeta', ListMetaSchema, 'Where a page sits in the whole list. `page` starts at 1; `limit` is at most 100.'],
  ['StructuredErrorBody', StructuredErrorBodySchema, 'The structured error body: `{"error": {"code", "message", "details"?}}`.'],
  ['ShortErrorBody', ShortErrorBodySchema, 'The short error body: `{"error": "message"}`.'],
  ['BareErrorBody', BareErrorBodySchema, 'The bare error body of framework pages (404, 405, 500): `{"message": "…"}`.'],
  ['ErrorBody', ErrorBodySchema, 'Any of the three error body shapes a server may send; clients must accept all three.'],
  ['WebhookExecution', WebhookExecutionSchema, 'The slice of an execution that approval events carry.'],
  ['ApprovalEventData', ApprovalEventDataSchema, 'The data of the approval events: the approval as it stands after the event, and its execution.'],
  [
    'WebhookEvent',
    WebhookEventSchema,
    'The envelope of every webhook body (our choice: PromptRails documents the events, not their envelope). An event of a type a receiver does not know must still be accepted as a generic event.',
  ],
]

/** The access scopes each operation requires. Only `approvals:read` is documented by PromptRails. */
export const SCOPE_NOTE =
  'PromptRails documents the `approvals:read` scope; the other scopes are our choice (the mock enforces them).'
