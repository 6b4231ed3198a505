/**
 * Document names say what a co-edited document belongs to, which decides who may read or write it:
 * `space/<spaceId>/diagnostic`, `project/<projectId>/notes`, `session/<sessionId>/board`, `testimony/<testimonyId>/story`,
 * `analysis/<analysisId>/text`, `space/<spaceId>/guide`.
 */
export const DocumentKind = {
  diagnostic: 'diagnostic',
  projectNotes: 'project-notes',
  sessionBoard: 'session-board',
  testimonyStory: 'testimony-story',
  analysisText: 'analysis-text',
  guide: 'guide',
} as const;
export type DocumentKind = (typeof DocumentKind)[keyof typeof DocumentKind];

export interface DocumentRef {
  kind: DocumentKind;
  /** Id of the owner: the space, the project or the session. */
  ownerId: string;
  name: string;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const PATTERNS: [DocumentKind, RegExp][] = [
  [DocumentKind.diagnostic, new RegExp(`^space/(${UUID})/diagnostic$`)],
  [DocumentKind.projectNotes, new RegExp(`^project/(${UUID})/notes$`)],
  [DocumentKind.sessionBoard, new RegExp(`^session/(${UUID})/board$`)],
  [DocumentKind.testimonyStory, new RegExp(`^testimony/(${UUID})/story$`)],
  [DocumentKind.analysisText, new RegExp(`^analysis/(${UUID})/text$`)],
  [DocumentKind.guide, new RegExp(`^space/(${UUID})/guide$`)],
];

export const MAX_DOCUMENT_NAME_LENGTH = 100;

export function parseDocumentName(name: unknown): DocumentRef | undefined {
  if (typeof name !== 'string' || name.length > MAX_DOCUMENT_NAME_LENGTH) return undefined;
  for (const [kind, pattern] of PATTERNS) {
    const match = pattern.exec(name);
    if (match) return { kind, ownerId: match[1], name };
  }
  return undefined;
}

export const diagnosticDocument = (spaceId: string) => `space/${spaceId}/diagnostic`;
export const projectNotesDocument = (projectId: string) => `project/${projectId}/notes`;
export const sessionBoardDocument = (sessionId: string) => `session/${sessionId}/board`;
export const testimonyStoryDocument = (testimonyId: string) => `testimony/${testimonyId}/story`;
export const analysisTextDocument = (analysisId: string) => `analysis/${analysisId}/text`;
export const guideDocument = (spaceId: string) => `space/${spaceId}/guide`;
