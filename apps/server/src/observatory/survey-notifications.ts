import type { NotificationEvent } from '../notifications/notification-event.js';
import { excerpt } from '../notifications/notification-text.js';
import type { PoleAnimateurs } from './survey-campaigns.repository.js';

/** The pole's form for a campaign, in one of its spaces. */
export const surveyFormLink = (spaceId: string, campaignId: string) => `/espaces/${spaceId}/enquete/${campaignId}`;

export interface SurveyCampaignFacts {
  id: string;
  year: number;
  title: string;
  dueOn: string | null;
}

/**
 * `survey_requested` for the animateurs of one space of a pole the campaign asks, with the link to that space's form:
 * once when the campaign opens, then once per reminder (`tag`: `opened`, or the reminder's time). The key is the
 * pole's, so an animateur of two spaces of one pole hears it once.
 */
export function surveyRequested(campaign: SurveyCampaignFacts, target: PoleAnimateurs, actorAccountId: string | null, tag: string): NotificationEvent {
  return {
    kind: 'survey_requested',
    spaceId: target.spaceId,
    actorAccountId,
    recipients: target.accountIds,
    place: { kind: 'space' },
    link: surveyFormLink(target.spaceId, campaign.id),
    params: { title: excerpt(campaign.title), year: String(campaign.year), ...(campaign.dueOn ? { dueDate: campaign.dueOn } : {}) },
    dedupeKey: `survey_requested:${campaign.id}:${target.poleId}:${tag}`,
  };
}
