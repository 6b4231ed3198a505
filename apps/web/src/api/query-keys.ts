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
  projectChanges: (spaceId: string, projectId: string) =>
    ['spaces', spaceId, 'projects', 'detail', projectId, 'changes'] as const,
  relations: (spaceId: string) => ['spaces', spaceId, 'relations'] as const,
  /** Cross-space figures; invalidated by any project, funding, relation or pole notice. */
  observatory: ['observatory'] as const,
  observatoryFunding: (query: object) => ['observatory', 'funding', query] as const,
  observatoryPanorama: (query: object) => ['observatory', 'panorama', query] as const,
  poles: ['poles'] as const,
  organisations: ['organisations'] as const,
  organisationsOfKind: (kind: string) => ['organisations', kind] as const,
  invitationPreview: (token: string) => ['invitation-preview', token] as const,
};
