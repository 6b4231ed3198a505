import type { Widen } from '../../i18n/widen';
import type { frNotifications } from './fr-notifications';

/** English strings of the notifications page and preferences. */
export const enNotifications: Widen<typeof frNotifications> = {
  notifications: {
    title: 'Notifications',
    intro: 'What happened in your spaces that concerns you.',
    empty: 'No notifications yet.',
    today: 'Today',
    yesterday: 'Yesterday',
    markRead: 'Mark as read',
    markAllRead: 'Mark all as read',
    unread: 'Unread',
    more: 'Older notifications',
    preferencesLink: 'Choose how to be told',
    inSpace: 'Space “{{space}}”',
    preferences: {
      title: 'Notification preferences',
      intro: 'For each kind of notification, choose how to be told. Everything stays visible in the app, except “Off”.',
      everywhere: 'In all my spaces',
      kind: 'Notification',
      channelFor: '{{kind}}: how to be told',
      channel: {
        in_app: 'In the app',
        mail: 'By e-mail',
        digest: 'In the digest',
        off: 'Off',
      },
      inherit: 'As in all my spaces',
      digest: 'Digest e-mail',
      digestFrequency: { daily: 'Every day', weekly: 'Every week', never: 'Never' },
      space: 'Settings for one space',
      spaceHint: 'What you choose here replaces, for this space only, the choice made for all your spaces.',
      spaceChoice: 'Space',
      noSpace: 'Choose a space…',
      save: 'Save',
      saved: 'Preferences saved.',
      back: 'Back to notifications',
    },
  },
};
