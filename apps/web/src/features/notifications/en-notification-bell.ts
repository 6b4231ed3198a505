import type { Widen } from '../../i18n/widen';
import type { frNotificationBell } from './fr-notification-bell';

/** English strings of the bell in the header. */
export const enNotificationBell: Widen<typeof frNotificationBell> = {
  notificationBell: {
    preferencesLink: 'Notification preferences',
    unread_zero: 'Notifications, none unread',
    unread_one: '{{count}} unread notification',
    unread_other: '{{count}} unread notifications',
  },
};
