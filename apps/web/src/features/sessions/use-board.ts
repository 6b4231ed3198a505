import { BOARD_CLUSTERS, BOARD_NOTES, readBoard, sessionBoardDocument, type BoardCluster, type BoardNote } from '@concerto/collab';
import { useCallback, useEffect, useMemo, useState } from 'react';
import * as Y from 'yjs';
import { useCollabDocument, type CollabDocumentState } from '../collab/use-collab-document';

export interface Board {
  state: CollabDocumentState;
  notes: BoardNote[];
  clusters: BoardCluster[];
  /** The provider's answer: observers (and everyone once the session is closed) may not write. */
  readOnly: boolean;
  addNote: (note: { itemId: string; text: string; category: string; authorId: string; authorName: string }) => void;
  setNoteCluster: (noteId: string, clusterId: string | null) => void;
  removeNote: (noteId: string) => void;
  addCluster: (itemId: string, title: string) => void;
  renameCluster: (clusterId: string, title: string) => void;
  removeCluster: (clusterId: string) => void;
}

const newId = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

function setAll(map: Y.Map<unknown>, values: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(values)) map.set(key, value);
}

/** The session's contribution board (`session/<id>/board`), co-edited live through the shared `/collab` connection. */
export function useBoard(sessionId: string): Board {
  const state = useCollabDocument(sessionBoardDocument(sessionId));
  const doc = state.document?.doc ?? null;
  const [content, setContent] = useState<{ notes: BoardNote[]; clusters: BoardCluster[] }>({ notes: [], clusters: [] });

  useEffect(() => {
    if (!doc) return;
    const read = () => setContent(readBoard(doc));
    read();
    doc.on('update', read);
    return () => doc.off('update', read);
  }, [doc]);

  const edit = useCallback(
    (work: (notes: Y.Map<Y.Map<unknown>>, clusters: Y.Map<Y.Map<unknown>>) => void) => {
      if (!doc) return;
      doc.transact(() => work(doc.getMap(BOARD_NOTES), doc.getMap(BOARD_CLUSTERS)));
    },
    [doc],
  );

  const actions = useMemo(
    () => ({
      addNote: (note: { itemId: string; text: string; category: string; authorId: string; authorName: string }) =>
        edit((notes) => {
          const map = new Y.Map<unknown>();
          notes.set(newId(), map);
          setAll(map, { ...note, x: 0, y: 0, clusterId: null, createdAt: Date.now() });
        }),
      setNoteCluster: (noteId: string, clusterId: string | null) => edit((notes) => notes.get(noteId)?.set('clusterId', clusterId)),
      removeNote: (noteId: string) => edit((notes) => notes.delete(noteId)),
      addCluster: (itemId: string, title: string) =>
        edit((_, clusters) => {
          const map = new Y.Map<unknown>();
          clusters.set(newId(), map);
          setAll(map, { itemId, title, x: 0, y: 0 });
        }),
      renameCluster: (clusterId: string, title: string) => edit((_, clusters) => clusters.get(clusterId)?.set('title', title)),
      removeCluster: (clusterId: string) =>
        edit((notes, clusters) => {
          clusters.delete(clusterId);
          for (const note of notes.values()) if (note.get('clusterId') === clusterId) note.set('clusterId', null);
        }),
    }),
    [edit],
  );

  return { state, ...content, readOnly: state.readOnly || state.closedCode !== null, ...actions };
}
