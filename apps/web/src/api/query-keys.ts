/** TanStack Query keys; everything about one space lives under `['spaces', spaceId]`. */
export const queryKeys = {
  me: ['me'] as const,
  spaces: ['spaces'] as const,
  spaceList: ['spaces', 'list'] as const,
  space: (spaceId: string) => ['spaces', spaceId] as const,
  members: (spaceId: string) => ['spaces', spaceId, 'members'] as const,
  invitations: (spaceId: string) => ['spaces', spaceId, 'invitations'] as const,
  poles: ['poles'] as const,
  organisations: ['organisations'] as const,
  invitationPreview: (token: string) => ['invitation-preview', token] as const,
};
