/** A person in the fake workspace, as Slack describes the user of an interaction. */
export interface FakeSlackUser {
  /** The user id (`U…`). */
  id: string
  /** The user's name. @defaultValue the id in lower case */
  name?: string | undefined
  /** The workspace id. @defaultValue `'T0FAKETEAM'` */
  teamId?: string | undefined
}

export const FAKE_TEAM = 'T0FAKETEAM'

/** The `user` and `team` fields of an interaction payload. */
export function payloadUser(user: FakeSlackUser) {
  const name = user.name ?? user.id.toLowerCase()
  const team = user.teamId ?? FAKE_TEAM
  return { user: { id: user.id, username: name, name, team_id: team }, team: { id: team, domain: 'fake' } }
}
