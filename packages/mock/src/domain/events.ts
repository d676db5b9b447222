import type { ApprovalRequest } from '@signoff/schemas'
import type { ApprovalRecord, ExecutionRecord } from './records.js'

/** The events the mock fires, shaped as webhook bodies. */
export type MockEventType = 'execution.awaiting_approval' | 'approval.decided' | 'approval.expired'

/** An event, as a webhook delivery would carry it. */
export interface MockEvent {
  type: MockEventType
  timestamp: string
  data: {
    approval: ApprovalRequest
    execution: { id: string; agent_id: string; status: string }
  }
}

/** Receives every event the mock fires. */
export type MockEventListener = (event: MockEvent) => void

/** Builds an event from the records it concerns. */
export function approvalEvent(
  type: MockEventType,
  timestamp: string,
  approval: ApprovalRecord,
  execution: ExecutionRecord,
): MockEvent {
  return {
    type,
    timestamp,
    data: {
      // Records hold only JSON values, which JSON copies faster than structuredClone does.
      approval: JSON.parse(JSON.stringify(approval)) as ApprovalRequest,
      execution: { id: execution.id, agent_id: execution.agent_id, status: execution.status },
    },
  }
}
