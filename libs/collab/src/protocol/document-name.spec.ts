import { DocumentKind, diagnosticDocument, guideDocument, parseDocumentName, projectNotesDocument, sessionBoardDocument } from './document-name.js';

const id = '6f1c1d2e-4a7b-4c8d-9e0f-112233445566';

describe('document names', () => {
  it('map each document to what it belongs to', () => {
    expect(parseDocumentName(diagnosticDocument(id))).toEqual({ kind: DocumentKind.diagnostic, ownerId: id, name: `space/${id}/diagnostic` });
    expect(parseDocumentName(projectNotesDocument(id))?.kind).toBe(DocumentKind.projectNotes);
    expect(parseDocumentName(sessionBoardDocument(id))?.kind).toBe(DocumentKind.sessionBoard);
    expect(parseDocumentName(guideDocument(id))).toEqual({ kind: DocumentKind.guide, ownerId: id, name: `space/${id}/guide` });
  });

  it('refuse anything else', () => {
    for (const name of [
      `space/${id}/other`,
      `space/${id.toUpperCase()}/diagnostic`,
      `space/${id}/diagnostic/`,
      `space/${id}/guide/x`,
      '../x',
      '',
      42,
      null,
      'x'.repeat(500),
    ]) {
      expect(parseDocumentName(name)).toBeUndefined();
    }
  });
});
