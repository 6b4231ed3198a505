import type { NotificationEvent } from '../notifications/notification-event.js';
import { excerpt } from '../notifications/notification-text.js';

/**
 * Who is concerned by what happens to a concertation session, and where each notification leads. Pure: the service
 * reads the recipients (`SessionRecipientsRepository`) and hands the event to the notifications service, which keeps
 * only those the access policy lets see the session (members of its space, its guests), never the actor.
 *
 * - scheduled (created, or its date changed), closed with minutes, a decision recorded: everyone with a place in the
 *   session (the space's members and the session's guests);
 * - a vote opened: those who may vote (contributeurs, animateurs, guests), not the observateurs;
 * - a guest added: that guest;
 * - starting within 24 hours (a reminder, once per session and date): everyone with a place in the session;
 * - a vote closing within 24 hours (a reminder, once per vote and closing time): those who may vote and have not.
 */

/** What every session notification says about the session. */
export interface SessionFacts {
  sessionId: string;
  spaceId: string;
  title: string;
}

type SessionEvent = Omit<NotificationEvent, 'db'>;

const sessionPath = (sessionId: string) => `/seances/${sessionId}`;
const place = (sessionId: string) => ({ kind: 'session', sessionId }) as const;

/** The web page focuses the element whose id follows `#` (an agenda item, a vote, a decision). */
export const sessionLinks = {
  session: sessionPath,
  agendaItem: (sessionId: string, itemId: string) => `${sessionPath(sessionId)}#point-${itemId}`,
  vote: (sessionId: string, voteId: string) => `${sessionPath(sessionId)}#vote-${voteId}`,
  decision: (sessionId: string, decisionId: string) => `${sessionPath(sessionId)}#decision-${decisionId}`,
  minutes: (sessionId: string) => `${sessionPath(sessionId)}/compte-rendu`,
};

export function sessionScheduled(s: SessionFacts & { scheduledAt: string }, actorAccountId: string, recipients: string[]): SessionEvent {
  return {
    kind: 'session_scheduled',
    spaceId: s.spaceId,
    actorAccountId,
    recipients,
    place: place(s.sessionId),
    link: sessionLinks.session(s.sessionId),
    params: { title: excerpt(s.title), scheduledAt: s.scheduledAt },
    // Scheduled twice at the same date (a repeated request) notifies once; a new date notifies again.
    dedupeKey: `session_scheduled:${s.sessionId}:${s.scheduledAt}`,
  };
}

export function sessionStartingSoon(s: SessionFacts & { scheduledAt: string }, recipients: string[]): SessionEvent {
  return {
    kind: 'session_starting_soon',
    spaceId: s.spaceId,
    actorAccountId: null,
    recipients,
    place: place(s.sessionId),
    link: sessionLinks.session(s.sessionId),
    params: { title: excerpt(s.title), scheduledAt: s.scheduledAt },
    dedupeKey: `session_starting_soon:${s.sessionId}:${s.scheduledAt}`,
  };
}

export function sessionClosed(s: SessionFacts, actorAccountId: string, recipients: string[]): SessionEvent {
  return {
    kind: 'session_closed',
    spaceId: s.spaceId,
    actorAccountId,
    recipients,
    place: place(s.sessionId),
    link: sessionLinks.minutes(s.sessionId),
    params: { title: excerpt(s.title) },
    dedupeKey: `session_closed:${s.sessionId}`,
  };
}

export function guestAdded(s: SessionFacts & { scheduledAt: string }, actorAccountId: string, guestId: string): SessionEvent {
  return {
    kind: 'session_guest_added',
    spaceId: s.spaceId,
    actorAccountId,
    recipients: [guestId],
    place: place(s.sessionId),
    link: sessionLinks.session(s.sessionId),
    params: { title: excerpt(s.title), scheduledAt: s.scheduledAt },
  };
}

export function voteOpened(
  s: SessionFacts,
  vote: { id: string; title: string; agendaItemId: string | null },
  actorAccountId: string | null,
  recipients: string[],
): SessionEvent {
  return {
    kind: 'vote_opened',
    spaceId: s.spaceId,
    actorAccountId,
    recipients,
    place: place(s.sessionId),
    link: sessionLinks.vote(s.sessionId, vote.id),
    params: { title: excerpt(s.title), vote: excerpt(vote.title) },
    dedupeKey: `vote_opened:${vote.id}`,
  };
}

export function voteClosingSoon(s: SessionFacts, vote: { id: string; title: string; closesAt: string }, recipients: string[]): SessionEvent {
  return {
    kind: 'vote_closing_soon',
    spaceId: s.spaceId,
    actorAccountId: null,
    recipients,
    place: place(s.sessionId),
    link: sessionLinks.vote(s.sessionId, vote.id),
    params: { title: excerpt(s.title), vote: excerpt(vote.title), closesAt: vote.closesAt },
    dedupeKey: `vote_closing_soon:${vote.id}:${vote.closesAt}`,
  };
}

export function decisionRecorded(s: SessionFacts, decision: { id: string; text: string }, actorAccountId: string, recipients: string[]): SessionEvent {
  return {
    kind: 'decision_recorded',
    spaceId: s.spaceId,
    actorAccountId,
    recipients,
    place: place(s.sessionId),
    link: sessionLinks.decision(s.sessionId, decision.id),
    params: { title: excerpt(s.title), excerpt: excerpt(decision.text) },
    dedupeKey: `decision_recorded:${decision.id}`,
  };
}
