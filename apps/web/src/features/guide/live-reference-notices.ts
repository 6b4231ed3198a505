import { EventsServerEvent, type ChangeNotice } from '@concerto/domain';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useEventsSocket } from '../../api/events';
import { guideDocumentKeys } from './guide-document-api';
import { TEXT_KINDS, staleReferences } from './live-reference-attrs';

const refreshReferences = (queryClient: QueryClient, spaceId: string, textOnly = false) =>
  queryClient.invalidateQueries({
    queryKey: guideDocumentKeys.references(spaceId),
    predicate: (query) => !textOnly || (TEXT_KINDS as ReadonlySet<unknown>).has(query.queryKey[2]),
  });

/**
 * Keeps the live references of a page up to date from the space's change notices on /events (the space's page has
 * joined its room). Their queries live outside the space's key, so that the `guide` notice sent after each burst of
 * typing in the guide does not read every reference again: it refreshes the references to analyses only. After a
 * reconnection, every reference is read again (notices may have been missed).
 */
export function useLiveReferenceNotices(spaceId: string): void {
  const socket = useEventsSocket();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!socket) return;
    const onChange = (notice: ChangeNotice) => {
      const stale = notice.spaceId === spaceId ? staleReferences(notice.entity) : 'none';
      if (stale !== 'none') void refreshReferences(queryClient, spaceId, stale === 'text');
    };
    const onReconnect = () => void refreshReferences(queryClient, spaceId);
    socket.on(EventsServerEvent.change, onChange);
    socket.io.on('reconnect', onReconnect);
    return () => {
      socket.off(EventsServerEvent.change, onChange);
      socket.io.off('reconnect', onReconnect);
    };
  }, [socket, queryClient, spaceId]);
}
