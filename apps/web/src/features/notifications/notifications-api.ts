import type { MarkNotificationsRead, NotificationFeed, NotificationPreferences, UnreadCount, UpdateNotificationPreferences } from '@concerto/domain';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../api/client';
import { queryKeys } from '../../api/query-keys';

/** Everything about the signed-in account's notifications lives under `['notifications']`. */
export const notificationKeys = {
  all: queryKeys.notifications,
  unread: queryKeys.notificationsUnread,
  feed: queryKeys.notificationsFeed,
  preferences: ['notifications', 'preferences'] as const,
};

/** The feed, newest first, one page after another. */
export function useNotificationFeed() {
  return useInfiniteQuery({
    queryKey: notificationKeys.feed,
    queryFn: ({ pageParam }) => apiRequest<NotificationFeed>('GET', `/api/notifications${pageParam ? `?before=${pageParam}` : ''}`),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MarkNotificationsRead) => apiRequest<UnreadCount>('POST', '/api/notifications/read', body),
    onSuccess: (count) => {
      queryClient.setQueryData(notificationKeys.unread, count);
      void queryClient.invalidateQueries({ queryKey: notificationKeys.feed });
    },
  });
}

export function useNotificationPreferences() {
  return useQuery({
    queryKey: notificationKeys.preferences,
    queryFn: () => apiRequest<NotificationPreferences>('GET', '/api/notifications/preferences'),
  });
}

export function useUpdateNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateNotificationPreferences) => apiRequest<NotificationPreferences>('PUT', '/api/notifications/preferences', body),
    onSuccess: (preferences) => queryClient.setQueryData(notificationKeys.preferences, preferences),
  });
}
