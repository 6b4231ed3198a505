import type { NotificationView } from '@concerto/domain';
import type { TFunction } from 'i18next';

/** What happened, in the reader's language, from the words captured with the notification (plain text). */
export function notificationSentence(t: TFunction, notification: NotificationView): string {
  const p = notification.params;
  return t(`notifications.kind.${notification.kind}`, {
    ...p,
    actor: p.actor ?? t('notifications.someone'),
    space: p.space ?? notification.spaceName ?? '',
    role: p.role ? t(`vocab.spaceRole.${p.role}`, { defaultValue: p.role }) : '',
    title: p.title ?? '',
    vote: p.vote ?? p.title ?? '',
    year: p.year ?? '',
  });
}
