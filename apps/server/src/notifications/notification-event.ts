import type { EntityManager } from 'typeorm';
import type { NotificationKind, NotificationParams } from '@concerto/domain';

/**
 * What a service hands to `NotificationsService.notify` when something happened that should reach people.
 *
 * The producer says who it thinks is concerned (`recipients`) and where the thing is (`place`); the notifications
 * service keeps only the recipients the access policy lets see that place *now* (members of the space, or guests of
 * the session for a session-scoped place), never the actor, applies each recipient's preference for the kind
 * (in-app / mail / digest / off), writes the rows in the producer's transaction when `db` is given (so a rolled-back
 * change notifies nobody, and one event makes one notification even with two server processes), then pushes the live
 * notice on `/events` and queues immediate mails after the commit.
 */
export interface NotificationEvent {
  kind: NotificationKind;
  spaceId: string;
  /** Who did it: never notified of their own action; their display name is captured in `params.actor` by the service. */
  actorAccountId: string | null;
  /** Accounts the producer targets (e.g. the mentioned, the thread's writers, the session's members). */
  recipients: readonly string[];
  /** The place, for the access check: the space itself, or a concertation session (its guests may see it too). */
  place: { kind: 'space' } | { kind: 'session'; sessionId: string };
  /** Path in the web app to the exact place (the comment, the agenda item, the milestone), starting with '/'. */
  link: string;
  /** Plain-text words of the sentence (title, excerpt, new role…); `space` and `actor` are filled by the service. */
  params: NotificationParams;
  /**
   * For reminders and other events a scheduler may see twice: one notification per (recipient, key) at most
   * (e.g. `session_starting_soon:<sessionId>:<startsAt>`).
   */
  dedupeKey?: string;
  /** The producer's transaction, when it has one. */
  db?: EntityManager;
}
