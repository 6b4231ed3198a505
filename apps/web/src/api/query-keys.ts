/** TanStack Query keys; everything about one space lives under `['spaces', spaceId]`. */
export const queryKeys = {
  me: ['me'] as const,
  spaces: ['spaces'] as const,
  spaceList: ['spaces', 'list'] as const,
  space: (spaceId: string) => ['spaces', spaceId] as const,
  members: (spaceId: string) => ['spaces', spaceId, 'members'] as const,
  invitations: (spaceId: string) => ['spaces', spaceId, 'invitations'] as const,
  projects: (spaceId: string) => ['spaces', spaceId, 'projects'] as const,
  projectList: (spaceId: string, filters: object) => ['spaces', spaceId, 'projects', 'list', filters] as const,
  project: (spaceId: string, projectId: string) => ['spaces', spaceId, 'projects', 'detail', projectId] as const,
  projectChanges: (spaceId: string, projectId: string) => ['spaces', spaceId, 'projects', 'detail', projectId, 'changes'] as const,
  relations: (spaceId: string) => ['spaces', spaceId, 'relations'] as const,
  sessions: (spaceId: string) => ['spaces', spaceId, 'sessions'] as const,
  /**
   * One concertation session, by its id only (guests do not know its space): the events provider refreshes
   * every `['session', id, …]` whose view belongs to the space of a session, vote or decision notice.
   */
  sessionRoot: ['session'] as const,
  session: (sessionId: string) => ['session', sessionId] as const,
  sessionVotes: (sessionId: string) => ['session', sessionId, 'votes'] as const,
  sessionBallot: (sessionId: string, voteId: string) => ['session', sessionId, 'votes', voteId, 'ballot'] as const,
  sessionDecisions: (sessionId: string) => ['session', sessionId, 'decisions'] as const,
  sessionMinutes: (sessionId: string) => ['session', sessionId, 'minutes'] as const,
  /** Cross-space figures; invalidated by any project, funding, relation or pole notice. */
  observatory: ['observatory'] as const,
  observatoryFunding: (query: object) => ['observatory', 'funding', query] as const,
  observatoryPanorama: (query: object) => ['observatory', 'panorama', query] as const,
  poles: ['poles'] as const,
  organisations: ['organisations'] as const,
  /** The signed-in account's notifications; the unread count is set by the live notices (api/events.tsx). */
  notifications: ['notifications'] as const,
  notificationsUnread: ['notifications', 'unread'] as const,
  notificationsFeed: ['notifications', 'feed'] as const,
  organisationsOfKind: (kind: string) => ['organisations', kind] as const,
  invitationPreview: (token: string) => ['invitation-preview', token] as const,
};
