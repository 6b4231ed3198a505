import { EventsServerEvent, type ChangeNotice, type ChangedEntity } from '@concerto/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useEventsSocket } from '../../api/events';
import { crossPoleGuideKey } from './cross-pole-guide-api';

/**
 * What the cross-pole guide shows beyond the observatory's figures (which the events provider already refreshes):
 * testimonies (their status, text, collectivités), recommendations (their status, votes) and the spaces' titles.
 */
const GUIDE_ENTITIES: ReadonlySet<ChangedEntity> = new Set(['testimony', 'recommendation', 'space', 'organisation']);

/**
 * Keeps the cross-pole guide up to date from the change notices of the spaces it assembles (the page has joined
 * their rooms with `useSpacesEvents`, which also reads it again after a reconnection).
 */
export function useCrossPoleGuideNotices(spaceIds: readonly string[]): void {
  const socket = useEventsSocket();
  const queryClient = useQueryClient();
  const idsKey = [...new Set(spaceIds)].sort().join(',');
  useEffect(() => {
    if (!socket || !idsKey) return;
    const followed = new Set(idsKey.split(','));
    const onChange = (notice: ChangeNotice) => {
      if (followed.has(notice.spaceId) && GUIDE_ENTITIES.has(notice.entity)) void queryClient.invalidateQueries({ queryKey: crossPoleGuideKey });
    };
    socket.on(EventsServerEvent.change, onChange);
    return () => {
      socket.off(EventsServerEvent.change, onChange);
    };
  }, [socket, queryClient, idsKey]);
}
