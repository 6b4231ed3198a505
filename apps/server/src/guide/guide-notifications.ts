import type { NotificationEvent } from '../notifications/notification-event.js';
import { excerpt } from '../notifications/notification-text.js';

/**
 * Who hears of the guide's life. Pure: the service reads the recipients (`GuideRecipientsRepository`).
 *
 * - a recommendation retained: every member of the space (it is the space's conclusion), but the animateur who
 *   decided; once per recommendation (set aside and retained again does not notify twice).
 *
 * Comments on a testimony's story are the diagnostics' comments (`diagnostics/comment-notifications.ts`).
 */

export const guideLinks = {
  recommendation: (spaceId: string, recommendationId: string) => `/espaces/${spaceId}/guide/preconisations/${recommendationId}`,
};

export function recommendationRetained(
  spaceId: string,
  recommendation: { id: string; statement: string },
  actorAccountId: string,
  recipients: string[],
): Omit<NotificationEvent, 'db'> {
  return {
    kind: 'recommendation_retained',
    spaceId,
    actorAccountId,
    recipients,
    place: { kind: 'space' },
    link: guideLinks.recommendation(spaceId, recommendation.id),
    params: { title: excerpt(recommendation.statement) },
    dedupeKey: `recommendation_retained:${recommendation.id}`,
  };
}
