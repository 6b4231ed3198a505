/** French strings of the bell in the header (the first page carries them; the pages' own come with them). */
export const frNotificationBell = {
  notificationBell: {
    preferencesLink: 'Préférences de notification',
    unread_zero: 'Notifications, aucune non lue',
    unread_one: '{{count}} notification non lue',
    unread_other: '{{count}} notifications non lues',
  },
} as const;
