import type { CollabDocument, CollabErrorCode, CollabStatus } from '@concerto/collab';
import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { acquireCollabClient } from './collab-connection';

export interface CollabDocumentState {
  document: CollabDocument | null;
  status: CollabStatus;
  readOnly: boolean;
  /** Set when the server refused or closed the document (no access, not found…). */
  closedCode: CollabErrorCode | null;
  /** The last change the server refused for good (rolled back in this copy), to tell the person plainly. */
  refusedCode: RefusalCode | null;
}

export const REFUSAL_CODES = ['not_allowed', 'invalid_content', 'document_too_large', 'frame_too_large', 'invalid_update'] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];
const isRefusal = (code: string): code is RefusalCode => (REFUSAL_CODES as readonly string[]).includes(code);

const CLOSING_CODES: readonly string[] = ['not_found', 'access_revoked', 'document_deleted', 'unauthenticated', 'invalid_document_name'];

/** Opens a co-edited document for as long as the component is mounted; a fresh Y.Doc each time. */
export function useCollabDocument(name: string): CollabDocumentState {
  const [state, setState] = useState<CollabDocumentState>({ document: null, status: 'connecting', readOnly: false, closedCode: null, refusedCode: null });

  useEffect(() => {
    const { client, release } = acquireCollabClient();
    const document = client.open(name, new Y.Doc());
    setState({ document, status: document.status, readOnly: document.readOnly, closedCode: null, refusedCode: null });
    const stopStatus = document.onStatus((status) =>
      setState((current) => (current.document === document ? { ...current, status, readOnly: document.readOnly } : current)),
    );
    const stopErrors = document.onError((error) => {
      const code = error.code;
      if (isRefusal(code)) setState((current) => (current.document === document ? { ...current, refusedCode: code } : current));
      if (!CLOSING_CODES.includes(error.code)) return;
      setState((current) => (current.document === document ? { ...current, closedCode: error.code } : current));
    });
    return () => {
      stopStatus();
      stopErrors();
      client.close(name);
      release();
    };
  }, [name]);

  return state;
}
