import type { UnreadCount } from '@concerto/domain';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../api/client';
import { queryKeys } from '../../api/query-keys';

/** The unread count (the bell, in the first page: nothing else of the notifications area). Kept fresh by api/events.tsx. */
export function useUnreadCount() {
  return useQuery({
    queryKey: queryKeys.notificationsUnread,
    queryFn: () => apiRequest<UnreadCount>('GET', '/api/notifications/unread'),
    select: (data) => data.unread,
  });
}
