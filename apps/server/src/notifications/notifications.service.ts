import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_NOTIFICATION_CHANNELS, type NotificationChannel, type NotificationParams } from '@concerto/domain';
import { AccessPolicy } from '../access/access-policy.js';
import { EventsPublisher } from '../events/events-publisher.js';
import { MailService } from '../mail/mail.service.js';
import { AfterCommit } from './after-commit.js';
import { UNSUBSCRIBE_PATH } from './unsubscribe.controller.js';
import type { NotificationEvent } from './notification-event.js';
import { notificationMail } from './notification.mail.js';
import { NotificationPreferencesService } from './notification-preferences.service.js';
import { type NotificationDraft, NotificationsRepository, type WrittenNotification } from './notifications.repository.js';

const MAX_PARAM_LENGTH = 500;

/** The dedupe key of an invitation's in-app notification. */
const invitedKey = (invitationId: string) => `space_invited:${invitationId}`;

/** Plain-text words, cut to what the contract allows (a long title or excerpt never refuses the producer's change). */
function boundedParams(params: NotificationParams): NotificationParams {
  const bounded: NotificationParams = {};
  for (const [key, value] of Object.entries(params)) {
    bounded[key.slice(0, 80)] = value.length > MAX_PARAM_LENGTH ? `${value.slice(0, MAX_PARAM_LENGTH - 1)}…` : value;
  }
  return bounded;
}

/**
 * Turns what happened (a `NotificationEvent`) into notifications: the fan-out filtered by the access policy, the
 * actor left out, each recipient's channel (space preference > global preference > default), one INSERT for all
 * recipients in the producer's transaction, then — after the commit — the live notice with the unread count on each
 * recipient's account room, and the immediate mails.
 */
@Injectable()
export class NotificationsService implements OnModuleInit {
  private readonly logger = new Logger(NotificationsService.name);
  private readonly afterCommit = new AfterCommit((error) => this.logger.warn(`delivering notifications failed: ${String(error)}`));

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: NotificationsRepository,
    private readonly access: AccessPolicy,
    private readonly events: EventsPublisher,
    private readonly mail: MailService,
    private readonly preferences: NotificationPreferencesService,
  ) {}

  onModuleInit(): void {
    this.afterCommit.attach(this.dataSource);
  }

  /** Notifies the event's recipients; how many notifications were written (0 for a dedupe key already used). */
  async notify(event: NotificationEvent): Promise<number> {
    if (!event.link.startsWith('/')) throw new Error(`notification link must be a path of the web app: ${event.link}`);
    const db = event.db;
    const candidates = [...new Set(event.recipients)].filter((id) => id !== event.actorAccountId);
    if (candidates.length === 0) return 0;
    const allowed = await this.access.whoMaySee(event.spaceId, event.place, candidates, db);
    const recipients = candidates.filter((id) => allowed.has(id));
    if (recipients.length === 0) return 0;
    const chosen = await this.repository.chosenChannels(recipients, event.kind, event.spaceId, db);
    const channels = recipients
      .map((accountId) => ({ accountId, channel: chosen.get(accountId) ?? DEFAULT_NOTIFICATION_CHANNELS[event.kind] }))
      .filter((r): r is { accountId: string; channel: Exclude<NotificationChannel, 'off'> } => r.channel !== 'off');
    if (channels.length === 0) return 0;
    const names = await this.repository.names(event.spaceId, event.actorAccountId, db);
    const draft: NotificationDraft = {
      kind: event.kind,
      spaceId: event.spaceId,
      sessionId: event.place.kind === 'session' ? event.place.sessionId : null,
      link: event.link,
      params: boundedParams({ ...event.params, space: names.space, ...(names.actor !== null ? { actor: names.actor } : {}) }),
      dedupeKey: event.dedupeKey ?? `event:${randomUUID()}`,
    };
    const written = await this.repository.insertMany(draft, channels, db);
    await this.queueMails(draft, written, db);
    if (written.length > 0) await this.afterCommit.run(db, () => this.deliver(written));
    return written.length;
  }

  /**
   * An account removed from a space (called in the removal's transaction): its unread notifications about the space
   * go — but for a session of the space it is still a guest of — and its sockets learn the new count after the commit.
   */
  async forgetSpace(spaceId: string, accountId: string, db: EntityManager): Promise<void> {
    const { sessionIds } = await this.access.visiblePlaces(accountId, db);
    const deleted = await this.repository.deleteUnreadAboutSpace(accountId, spaceId, sessionIds, db);
    if (deleted === 0) return;
    await this.afterCommit.run(db, async () => {
      const counts = await this.repository.unreadCounts([accountId]);
      this.events.notifyNotification(accountId, { unread: counts.get(accountId) ?? 0 });
    });
  }

  /**
   * `space_invited`: the account of an invited address hears of the invitation in the app. Its place is the
   * invitation, which that address may open without being a member yet, so the access policy's places do not apply:
   * the row names no space (it stays in the invitee's feed; the space's name is in its words) and links to the
   * invitation page. The invitation mail is its mail: the channel is `in_app` whatever the preference (unless the kind
   * is turned off), so one invitation never sends two mails. Once per invitation (resending it notifies nobody again).
   */
  async notifyInvited(
    invitation: { invitationId: string; spaceId: string; inviteeId: string; invitedById: string | null; link: string; params: NotificationParams },
    db: EntityManager,
  ): Promise<number> {
    if (invitation.inviteeId === invitation.invitedById) return 0;
    const chosen = await this.repository.chosenChannels([invitation.inviteeId], 'space_invited', invitation.spaceId, db);
    if (chosen.get(invitation.inviteeId) === 'off') return 0;
    const names = await this.repository.names(invitation.spaceId, invitation.invitedById, db);
    const draft: NotificationDraft = {
      kind: 'space_invited',
      spaceId: null,
      sessionId: null,
      link: invitation.link,
      params: boundedParams({ ...invitation.params, space: names.space, ...(names.actor !== null ? { actor: names.actor } : {}) }),
      dedupeKey: invitedKey(invitation.invitationId),
    };
    const written = await this.repository.insertMany(draft, [{ accountId: invitation.inviteeId, channel: 'in_app' }], db);
    if (written.length > 0) await this.afterCommit.run(db, () => this.deliver(written));
    return written.length;
  }

  /** An invitation revoked: the invitee's unread « invited » notification goes (in the revocation's transaction). */
  async forgetInvitation(invitationId: string, db: EntityManager): Promise<void> {
    await this.recount(await this.repository.deleteUnreadByDedupeKey(invitedKey(invitationId), db), db);
  }

  /** An invitation accepted: its « invited » notification is read (in the acceptance's transaction). */
  async invitationAccepted(invitationId: string, db: EntityManager): Promise<void> {
    await this.recount(await this.repository.markReadByDedupeKey(invitedKey(invitationId), db), db);
  }

  /** After the commit, these accounts' sockets learn their new unread count. */
  private async recount(accountIds: string[], db: EntityManager): Promise<void> {
    if (accountIds.length === 0) return;
    await this.afterCommit.run(db, async () => {
      const counts = await this.repository.unreadCounts(accountIds);
      for (const id of accountIds) this.events.notifyNotification(id, { unread: counts.get(id) ?? 0 });
    });
  }

  /**
   * A guest removed from a session (called in the removal's transaction): its unread notifications about the session
   * go — unless it still sees the session (a member of its space) — and its sockets learn the new count after the commit.
   */
  async forgetSession(spaceId: string, sessionId: string, accountId: string, db: EntityManager): Promise<void> {
    if ((await this.access.whoMaySee(spaceId, { kind: 'session', sessionId }, [accountId], db)).has(accountId)) return;
    const deleted = await this.repository.deleteUnreadAboutSession(accountId, sessionId, db);
    if (deleted === 0) return;
    await this.afterCommit.run(db, async () => {
      const counts = await this.repository.unreadCounts([accountId]);
      this.events.notifyNotification(accountId, { unread: counts.get(accountId) ?? 0 });
    });
  }

  /**
   * Channel `mail`: one message per recipient, queued in the same transaction as the notification (a rolled-back
   * change mails nobody; the mail's dedupe key is the notification's id), with the one-click link that turns off this
   * kind in this space.
   */
  private async queueMails(draft: NotificationDraft, written: WrittenNotification[], db: EntityManager | undefined): Promise<void> {
    const mailed = written.filter((n) => n.channel === 'mail');
    if (mailed.length === 0) return;
    const addresses = await this.repository.mailAddresses(
      mailed.map((n) => n.accountId),
      db,
    );
    const queued: string[] = [];
    for (const notification of mailed) {
      const to = addresses.get(notification.accountId);
      if (!to) continue;
      const token = await this.preferences.unsubscribeToken({ accountId: notification.accountId, kind: draft.kind, spaceId: draft.spaceId });
      await this.mail.enqueue(
        {
          to: to.email,
          locale: to.locale,
          template: notificationMail,
          data: { kind: draft.kind, params: draft.params, link: draft.link },
          reference: { kind: 'notification', id: notification.id },
          dedupeKey: `notification:${notification.id}`,
          unsubscribeUrl: this.mail.context().url(`${UNSUBSCRIBE_PATH}${encodeURIComponent(token)}`),
        },
        db,
      );
      queued.push(notification.id);
    }
    await this.repository.markMailed(queued, db);
  }

  /** After the commit: each recipient's sockets learn its new unread count. */
  private async deliver(written: WrittenNotification[]): Promise<void> {
    const counts = await this.repository.unreadCounts(written.map((n) => n.accountId));
    for (const notification of written) {
      this.events.notifyNotification(notification.accountId, { unread: counts.get(notification.accountId) ?? 0, id: notification.id });
    }
  }
}
