import { EventsServerEvent, type ChangeNotice } from '@concerto/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useEventsSocket } from '../../api/events';
import { surveyCampaignsKey } from './survey-api';

/**
 * Keeps the campaigns up to date from the `survey` notices of the followed spaces (a draft saved, an answer
 * submitted, reminders sent); the page has joined their rooms with `useSpacesEvents`.
 */
export function useSurveyNotices(): void {
  const socket = useEventsSocket();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!socket) return;
    const onChange = (notice: ChangeNotice) => {
      if (notice.entity === 'survey') void queryClient.invalidateQueries({ queryKey: surveyCampaignsKey });
    };
    socket.on(EventsServerEvent.change, onChange);
    return () => {
      socket.off(EventsServerEvent.change, onChange);
    };
  }, [socket, queryClient]);
}
