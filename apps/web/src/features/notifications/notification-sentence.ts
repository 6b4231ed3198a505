import { DEFAULT_LOCALE, type NotificationView, isLocale, notificationLabel, notificationSentence as sentenceOf } from '@concerto/domain';

const localeOf = (language: string) => (isLocale(language) ? language : DEFAULT_LOCALE);

/**
 * What happened, in the reader's language and time zone, from the words captured with the notification (plain
 * text). The wording is the one the mails use (`@concerto/domain`, `notification-wording`).
 */
export function notificationSentence(language: string, notification: NotificationView, timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone): string {
  const params = { ...notification.params, space: notification.params.space ?? notification.spaceName ?? '' };
  return sentenceOf(notification.kind, params, localeOf(language), timeZone);
}

/** A kind's name in the reader's language (the preferences page). */
export function notificationKindLabel(language: string, kind: NotificationView['kind']): string {
  return notificationLabel(kind, localeOf(language));
}
