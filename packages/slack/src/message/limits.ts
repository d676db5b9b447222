/**
 * Slack's published limits that the messages stay within. A message past them is refused
 * (`invalid_blocks`, `msg_too_long`), so the layout cuts before sending instead.
 */
export const SLACK_LIMITS = {
  /** Blocks in one message. */
  messageBlocks: 50,
  /** Blocks in one modal view. */
  viewBlocks: 100,
  /** Characters of a section block's text. */
  sectionText: 3000,
  /** Characters of one section field. */
  sectionField: 2000,
  /** Characters of a header block's text. */
  headerText: 150,
  /** Characters of a modal's title. */
  viewTitle: 24,
} as const
