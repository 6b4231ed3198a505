import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AgendaItemInput, CreateSessionRequest, SessionSummary, SessionView, UpdateSessionRequest } from '@concerto/domain';
import { AccessPolicy } from '../access/access-policy.js';
import type { SessionAccess } from '../access/session-roles.js';
import { ApiException, badRequest, conflict, notFound } from '../common/api-exception.js';
import { changedRows } from '../database/changed-rows.js';
import { EventsPublisher } from '../events/events-publisher.js';
import { SessionClock } from './session-clock.js';
import { listSessions, sessionView } from './session-queries.js';

/** Preparing sessions (details, agenda, invitations, guests) and reading them. */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsPublisher,
    private readonly clock: SessionClock,
    private readonly policy: AccessPolicy,
  ) {}

  list(spaceId: string): Promise<SessionSummary[]> {
    return listSessions(this.dataSource.manager, spaceId);
  }

  async view(access: Pick<SessionAccess, 'sessionId' | 'role'>, db: EntityManager = this.dataSource.manager): Promise<SessionView> {
    const view = await sessionView(db, access.sessionId, access.role, this.clock.now());
    if (!view) throw notFound();
    return view;
  }

  async create(spaceId: string, body: CreateSessionRequest, accountId: string): Promise<SessionView> {
    const sessionId = await this.dataSource.transaction(async (tx) => {
      const [row]: { id: string }[] = await tx.query(
        `INSERT INTO concertation_session (space_id, title, scheduled_at, place, link, mode, anonymous_notes, created_by_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [spaceId, body.title, body.scheduledAt, body.place, body.link, body.mode, body.anonymousNotes, accountId],
      );
      await this.replaceAgenda(tx, row.id, body.agenda);
      await this.invite(tx, spaceId, row.id, body.participantIds);
      return row.id;
    });
    this.notify(spaceId, sessionId, 'created');
    return this.view({ sessionId, role: 'animateur' });
  }

  async update(access: SessionAccess, body: UpdateSessionRequest): Promise<SessionView> {
    await this.dataSource.transaction(async (tx) => {
      const [session]: { status: string }[] = await tx.query(`SELECT status FROM concertation_session WHERE id = $1 FOR UPDATE`, [access.sessionId]);
      if (session.status === 'closed') throw conflict('session_closed');
      if (body.agenda && session.status !== 'planned') throw conflict('session_state');
      const columns = { title: 'title', scheduledAt: 'scheduled_at', place: 'place', link: 'link', mode: 'mode', anonymousNotes: 'anonymous_notes' } as const;
      const sets: string[] = [];
      const params: unknown[] = [access.sessionId];
      for (const [field, column] of Object.entries(columns)) {
        const value = body[field as keyof typeof columns];
        if (value === undefined) continue;
        params.push(value);
        sets.push(`${column} = $${params.length}`);
      }
      await tx.query(`UPDATE concertation_session SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1`, params);
      if (body.agenda) await this.replaceAgenda(tx, access.sessionId, body.agenda);
      if (body.participantIds) await this.invite(tx, access.spaceId, access.sessionId, body.participantIds);
    });
    this.notify(access.spaceId, access.sessionId, 'updated');
    return this.view(access);
  }

  /** A guest takes part in this session only, as a contributeur; they must have an account. */
  async addGuest(access: SessionAccess, email: string): Promise<SessionView> {
    if (access.status === 'closed') throw conflict('session_closed');
    const [account]: { id: string }[] = await this.dataSource.query(`SELECT id FROM account WHERE email = $1`, [email]);
    if (!account) throw new ApiException(404, 'account_not_found');
    // Members take part with their role in the space; a guest is someone from outside it.
    if (await this.policy.spaceRole(access.spaceId, account.id)) throw conflict('already_member');
    await this.dataSource.query(
      `INSERT INTO session_participant (session_id, account_id, kind, invited) VALUES ($1, $2, 'guest', true)
       ON CONFLICT (session_id, account_id) DO NOTHING`,
      [access.sessionId, account.id],
    );
    this.notify(access.spaceId, access.sessionId, 'updated', account.id);
    return this.view(access);
  }

  async removeGuest(access: SessionAccess, accountId: string): Promise<void> {
    const rows: { account_id: string }[] = await changedRows(
      this.dataSource,
      `DELETE FROM session_participant WHERE session_id = $1 AND account_id = $2 AND kind = 'guest' RETURNING account_id`,
      [access.sessionId, accountId],
    );
    if (rows.length === 0) throw notFound();
    this.notify(access.spaceId, access.sessionId, 'updated', accountId);
    await this.events.leaveSession(access.sessionId, accountId);
  }

  /** Records that the caller is there (the live screen calls it when it opens or reconnects). */
  async attend(access: SessionAccess, accountId: string): Promise<SessionView> {
    if (access.status !== 'live') throw conflict('session_not_live');
    const before: { attended_at: Date | null }[] = await this.dataSource.query(
      `SELECT attended_at FROM session_participant WHERE session_id = $1 AND account_id = $2`,
      [access.sessionId, accountId],
    );
    await this.dataSource.query(
      `INSERT INTO session_participant (session_id, account_id, kind, invited, attended_at) VALUES ($1, $2, $3, false, now())
       ON CONFLICT (session_id, account_id) DO UPDATE SET attended_at = coalesce(session_participant.attended_at, now())`,
      [access.sessionId, accountId, access.kind],
    );
    if (!before[0]?.attended_at) this.notify(access.spaceId, access.sessionId, 'updated');
    return this.view(access);
  }

  private async replaceAgenda(tx: EntityManager, sessionId: string, agenda: AgendaItemInput[]): Promise<void> {
    await tx.query(`DELETE FROM agenda_item WHERE session_id = $1`, [sessionId]);
    for (const [position, item] of agenda.entries()) {
      await tx.query(
        `INSERT INTO agenda_item (session_id, position, title, duration_minutes, lever, diagnostic_section_id) VALUES ($1, $2, $3, $4, $5, $6)`,
        [sessionId, position, item.title, item.durationMinutes, item.lever, item.diagnosticSectionId],
      );
    }
  }

  /** Invites space members (the list replaces the previous one; guests stay). */
  private async invite(tx: EntityManager, spaceId: string, sessionId: string, accountIds: string[]): Promise<void> {
    const missing = await this.policy.firstNonMember(spaceId, accountIds, tx);
    if (missing >= 0) throw badRequest([{ path: `participantIds.${missing}`, message: 'Not a member of the space' }]);
    await tx.query(`UPDATE session_participant SET invited = false WHERE session_id = $1 AND kind = 'member'`, [sessionId]);
    await tx.query(
      `INSERT INTO session_participant (session_id, account_id, kind, invited) SELECT $1, unnest($2::uuid[]), 'member', true
       ON CONFLICT (session_id, account_id) DO UPDATE SET invited = true`,
      [sessionId, accountIds],
    );
  }

  notify(spaceId: string, sessionId: string, op: 'created' | 'updated' | 'deleted', guestId?: string): void {
    this.events.notifySession(sessionId, { spaceId, entity: 'session', id: sessionId, op });
    if (guestId) this.events.notifyAccount(guestId, { spaceId, entity: 'session', id: sessionId, op });
  }
}
