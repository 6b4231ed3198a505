import type { NotificationEvent } from '../notifications/notification-event.js';
import { excerpt } from '../notifications/notification-text.js';

/**
 * Who hears of a project's life, and where each notification leads. "Your organisation" is the organisation an
 * account belongs to (`account.organisation_id`); a project is theirs when the organisation is one of its partners
 * (carrier, partner, funder or technical support). Pure: the services read the recipients
 * (`ProjectRecipientsRepository`); the notifications service keeps only members of the project's space, never the actor.
 *
 * - stage changed: the accounts of the project's partner organisations;
 * - funding line added, changed or removed: the accounts of its funder (before and after a change of funder) and of the
 *   project's partner organisations;
 * - milestone due within 7 days, milestone late (reminders, once per milestone and date): the accounts of the
 *   project's partner organisations.
 */

type ProjectEvent = Omit<NotificationEvent, 'db'>;

const projectPath = (spaceId: string, projectId: string) => `/espaces/${spaceId}/projets/${projectId}`;

/** The project page focuses the element whose id follows `#` (a milestone, a funding line). */
export const projectLinks = {
  project: projectPath,
  milestone: (spaceId: string, projectId: string, milestoneId: string) => `${projectPath(spaceId, projectId)}#jalon-${milestoneId}`,
  fundingLine: (spaceId: string, projectId: string, lineId: string) => `${projectPath(spaceId, projectId)}#financement-${lineId}`,
  funding: (spaceId: string, projectId: string) => `${projectPath(spaceId, projectId)}#financements`,
};

export interface ProjectFacts {
  spaceId: string;
  projectId: string;
  title: string;
}

export function stageChanged(p: ProjectFacts, before: string, after: string, actorAccountId: string, recipients: string[]): ProjectEvent {
  return {
    kind: 'project_stage_changed',
    spaceId: p.spaceId,
    actorAccountId,
    recipients,
    place: { kind: 'space' },
    link: projectLinks.project(p.spaceId, p.projectId),
    params: { title: excerpt(p.title), stage: after, previousStage: before },
  };
}

/** A funding line as its notification words it (amount in cents, as text; the reader's language formats it). */
export interface FundingFacts {
  id: string;
  funder: string;
  year: number;
  amountCents: number;
}

export function fundingChanged(
  p: ProjectFacts,
  line: FundingFacts,
  change: 'added' | 'updated' | 'removed',
  actorAccountId: string,
  recipients: string[],
): ProjectEvent {
  return {
    kind: 'funding_changed',
    spaceId: p.spaceId,
    actorAccountId,
    recipients,
    place: { kind: 'space' },
    link: change === 'removed' ? projectLinks.funding(p.spaceId, p.projectId) : projectLinks.fundingLine(p.spaceId, p.projectId, line.id),
    params: { title: excerpt(p.title), change, funder: excerpt(line.funder), year: String(line.year), amountCents: String(line.amountCents) },
  };
}

export interface MilestoneFacts extends ProjectFacts {
  milestoneId: string;
  milestone: string;
  dueDate: string;
}

export function milestoneReminder(kind: 'milestone_due' | 'milestone_late', m: MilestoneFacts, recipients: string[]): ProjectEvent {
  return {
    kind,
    spaceId: m.spaceId,
    actorAccountId: null,
    recipients,
    place: { kind: 'space' },
    link: projectLinks.milestone(m.spaceId, m.projectId, m.milestoneId),
    params: { title: excerpt(m.title), milestone: excerpt(m.milestone), dueDate: m.dueDate },
    // Once per milestone and date: a milestone moved to a new date is reminded again.
    dedupeKey: `${kind}:${m.milestoneId}:${m.dueDate}`,
  };
}
