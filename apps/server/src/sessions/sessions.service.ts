import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { CreateSessionRequest, SessionSummary, SessionView, UpdateSessionRequest } from '@concerto/domain';
import { AccessPolicy } from '../access/access-policy.js';
import type { SessionAccess } from '../access/session-roles.js';
import { ApiException, badRequest, conflict, notFound } from '../common/api-exception.js';
import { EventsPublisher } from '../events/events-publisher.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { AgendaItemsRepository } from './agenda-items.repository.js';
import { SessionClock } from './session-clock.js';
import { guestAdded, sessionScheduled } from './session-notifications.js';
import { SessionParticipantsRepository } from './session-participants.repository.js';
import { SessionRecipientsRepository } from './session-recipients.repository.js';
import { SessionsRepository } from './sessions.repository.js';

/** Preparing sessions (details, agenda, invitations, guests) and reading them. */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsRepository,
    private readonly agenda: AgendaItemsRepository,
    private readonly participants: SessionParticipantsRepository,
    private readonly events: EventsPublisher,
    private readonly clock: SessionClock,
    private readonly policy: AccessPolicy,
    private readonly recipients: SessionRecipientsRepository,
    private readonly notifications: NotificationsService,
  ) {}

  list(spaceId: string): Promise<SessionSummary[]> {
    return this.sessions.list(spaceId);
  }

  async view(access: Pick<SessionAccess, 'sessionId' | 'role'>, db: EntityManager = this.dataSource.manager): Promise<SessionView> {
    const serverNow = this.clock.now();
    const session = await this.sessions.find(access.sessionId, db);
    if (!session) throw notFound();
    const agenda = await this.agenda.list(access.sessionId, db);
    const participants = await this.participants.list(access.sessionId, db);
    return { ...session, agenda, participants, myRole: access.role, serverNow };
  }

  async create(spaceId: string, body: CreateSessionRequest, accountId: string): Promise<SessionView> {
    const sessionId = await this.dataSource.transaction(async (tx) => {
      const id = await this.sessions.insert(spaceId, body, accountId, tx);
      await this.agenda.replace(id, body.agenda, tx);
      await this.invite(tx, spaceId, id, body.participantIds);
      await this.notifyScheduled(tx, id, accountId);
      return id;
    });
    this.notify(spaceId, sessionId, 'created');
    return this.view({ sessionId, role: 'animateur' });
  }

  async update(access: SessionAccess, body: UpdateSessionRequest, accountId: string): Promise<SessionView> {
    await this.dataSource.transaction(async (tx) => {
      const session = await this.sessions.lock(access.sessionId, tx);
      if (!session) throw notFound();
      if (session.status === 'closed') throw conflict('session_closed');
      if (body.agenda && session.status !== 'planned') throw conflict('session_state');
      const before = await this.recipients.heading(access.sessionId, tx);
      await this.sessions.update(access.sessionId, body, tx);
      const rescheduled = body.scheduledAt !== undefined && before !== undefined && Date.parse(body.scheduledAt) !== Date.parse(before.scheduledAt);
      if (rescheduled && session.status === 'planned') await this.notifyScheduled(tx, access.sessionId, accountId);
      if (body.agenda) await this.agenda.replace(access.sessionId, body.agenda, tx);
      if (body.participantIds) await this.invite(tx, access.spaceId, access.sessionId, body.participantIds);
    });
    this.notify(access.spaceId, access.sessionId, 'updated');
    return this.view(access);
  }

  /** A guest takes part in this session only, as a contributeur; they must have an account. */
  async addGuest(access: SessionAccess, email: string, actorAccountId: string): Promise<SessionView> {
    if (access.status === 'closed') throw conflict('session_closed');
    const accountId = await this.participants.accountIdByEmail(email);
    if (!accountId) throw new ApiException(404, 'account_not_found');
    // Members take part with their role in the space; a guest is someone from outside it.
    if (await this.policy.spaceRole(access.spaceId, accountId)) throw conflict('already_member');
    await this.dataSource.transaction(async (tx) => {
      if (!(await this.participants.addGuest(access.sessionId, accountId, tx))) return;
      const session = await this.recipients.heading(access.sessionId, tx);
      if (session) await this.notifications.notify({ ...guestAdded(session, actorAccountId, accountId), db: tx });
    });
    this.notify(access.spaceId, access.sessionId, 'updated', accountId);
    return this.view(access);
  }

  /** Removes a guest; its unread notifications about the session go with its place (in the same transaction). */
  async removeGuest(access: SessionAccess, accountId: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      if (!(await this.participants.removeGuest(access.sessionId, accountId, tx))) throw notFound();
      await this.notifications.forgetSession(access.spaceId, access.sessionId, accountId, tx);
    });
    this.notify(access.spaceId, access.sessionId, 'updated', accountId);
    await this.events.leaveConcertationSession(access.sessionId, accountId);
  }

  /** Records that the caller is there (the live screen calls it when it opens or reconnects). */
  async attend(access: SessionAccess, accountId: string): Promise<SessionView> {
    if (access.status !== 'live') throw conflict('session_not_live');
    const attendedBefore = await this.participants.hasAttended(access.sessionId, accountId);
    await this.participants.recordAttendance(access.sessionId, accountId, access.kind);
    if (!attendedBefore) this.notify(access.spaceId, access.sessionId, 'updated');
    return this.view(access);
  }

  /** Everyone with a place in the session hears of its (new) date. */
  private async notifyScheduled(tx: EntityManager, sessionId: string, accountId: string): Promise<void> {
    const session = await this.recipients.heading(sessionId, tx);
    if (!session) return;
    await this.notifications.notify({ ...sessionScheduled(session, accountId, await this.recipients.audience(sessionId, tx)), db: tx });
  }

  /** Invites space members (the list replaces the previous one; guests stay). */
  private async invite(tx: EntityManager, spaceId: string, sessionId: string, accountIds: string[]): Promise<void> {
    const missing = await this.policy.firstNonMember(spaceId, accountIds, tx);
    if (missing >= 0) throw badRequest([{ path: `participantIds.${missing}`, message: 'Not a member of the space' }]);
    await this.participants.inviteMembers(sessionId, accountIds, tx);
  }

  notify(spaceId: string, sessionId: string, op: 'created' | 'updated' | 'deleted', guestId?: string): void {
    this.events.notifyConcertationSession(sessionId, { spaceId, entity: 'session', id: sessionId, op });
    if (guestId) this.events.notifyAccount(guestId, { spaceId, entity: 'session', id: sessionId, op });
  }
}
