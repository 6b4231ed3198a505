import type { CollabDocument, CollabUser } from '@concerto/collab';
import { useEffect, useState } from 'react';
import * as Y from 'yjs';

export interface Present {
  user: CollabUser;
  /** The section whose text holds their cursor, when they are in one. */
  sectionId: string | null;
  me: boolean;
}

/** Root name (`section:<id>`) of the shared type holding a relative position, or null. */
function sectionOfCursor(doc: Y.Doc, anchor: unknown): string | null {
  try {
    const position = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(anchor), doc);
    let type: Y.AbstractType<unknown> | null = position?.type ?? null;
    while (type?._item) type = type._item.parent as Y.AbstractType<unknown>;
    if (!type) return null;
    for (const [name, root] of doc.share) if (root === type && name.startsWith('section:')) return name.slice('section:'.length);
  } catch {
    // An unreadable cursor just places the person nowhere.
  }
  return null;
}

/** Who has the diagnostic open (awareness: the server fills `user` with each connection's identity). */
export function usePresence(document: CollabDocument | null): Present[] {
  const [present, setPresent] = useState<Present[]>([]);
  useEffect(() => {
    if (!document) return;
    const refresh = () => {
      const byUser = new Map<string, Present>();
      for (const [clientId, state] of document.awareness.getStates()) {
        const user = (state as { user?: Partial<CollabUser> }).user;
        if (!user?.name) continue;
        const me = clientId === document.doc.clientID;
        // This tab's own state is written by the cursor extension without an id: take the identity the server gave,
        // so the same account open in two tabs is listed once.
        const id = (me ? document.user?.id : undefined) ?? user.id ?? `client-${clientId}`;
        const cursor = (state as { cursor?: { anchor?: unknown } | null }).cursor;
        const sectionId = cursor?.anchor ? sectionOfCursor(document.doc, cursor.anchor) : null;
        const previous = byUser.get(id);
        if (previous && (previous.sectionId || !sectionId)) {
          if (me) previous.me = true;
          continue;
        }
        byUser.set(id, { user: { id, name: user.name, color: user.color ?? '#000091' }, sectionId, me: me || previous?.me === true });
      }
      setPresent([...byUser.values()].sort((a, b) => Number(b.me) - Number(a.me) || a.user.name.localeCompare(b.user.name, 'fr')));
    };
    refresh();
    document.awareness.on('change', refresh);
    return () => document.awareness.off('change', refresh);
  }, [document]);
  return present;
}
