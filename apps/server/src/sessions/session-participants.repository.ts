import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { ParticipantView } from '@concerto/domain';
import { changedRows } from '../database/changed-rows.js';

interface ParticipantRow {
  account_id: string;
  display_name: string;
  kind: ParticipantView['kind'];
  role: ParticipantView['role'];
  invited: boolean;
  attended_at: Date | null;
}

const mapParticipantRow = (r: ParticipantRow): ParticipantView => ({
  accountId: r.account_id,
  displayName: r.display_name,
  kind: r.kind,
  role: r.kind === 'guest' ? 'contributeur' : r.role,
  invited: r.invited,
  attendedAt: r.attended_at ? r.attended_at.toISOString() : null,
});

/**
 * The SQL of the `session_participant` table (invitations, guests, attendance), and the listing of who is in a
 * session. Who may take part is decided by the access policy, not here.
 */
@Injectable()
export class SessionParticipantsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Members of the space (invited or not) and guests of the session, with their attendance, by name. */
  async list(sessionId: string, db: EntityManager = this.dataSource.manager): Promise<ParticipantView[]> {
    const rows: ParticipantRow[] = await db.query(
      `SELECT a.id AS account_id, a.display_name, coalesce(p.kind, 'member') AS kind, coalesce(m.role, 'contributeur') AS role,
              coalesce(p.invited, false) AS invited, p.attended_at
         FROM concertation_session cs
         JOIN account a ON a.id IN (SELECT account_id FROM space_membership WHERE space_id = cs.space_id
                                    UNION SELECT account_id FROM session_participant WHERE session_id = cs.id)
         LEFT JOIN space_membership m ON m.space_id = cs.space_id AND m.account_id = a.id
         LEFT JOIN session_participant p ON p.session_id = cs.id AND p.account_id = a.id
        WHERE cs.id = $1
        ORDER BY a.display_name`,
      [sessionId],
    );
    return rows.map(mapParticipantRow);
  }

  /** The id of the account with this email, if there is one (a guest must have an account). */
  async accountIdByEmail(email: string, db: EntityManager = this.dataSource.manager): Promise<string | undefined> {
    const rows: { id: string }[] = await db.query(`SELECT id FROM account WHERE email = $1`, [email]);
    return rows[0]?.id;
  }

  /** The invited members become exactly `accountIds` (guests stay). */
  async inviteMembers(sessionId: string, accountIds: string[], db: EntityManager = this.dataSource.manager): Promise<void> {
    await db.query(`UPDATE session_participant SET invited = false WHERE session_id = $1 AND kind = 'member'`, [sessionId]);
    await db.query(
      `INSERT INTO session_participant (session_id, account_id, kind, invited) SELECT $1, unnest($2::uuid[]), 'member', true
       ON CONFLICT (session_id, account_id) DO UPDATE SET invited = true`,
      [sessionId, accountIds],
    );
  }

  /** Invites a guest; nothing changes when the account already has a row in the session. Whether it was added. */
  async addGuest(sessionId: string, accountId: string, db: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows: unknown[] = await db.query(
      `INSERT INTO session_participant (session_id, account_id, kind, invited) VALUES ($1, $2, 'guest', true)
       ON CONFLICT (session_id, account_id) DO NOTHING RETURNING account_id`,
      [sessionId, accountId],
    );
    return rows.length > 0;
  }

  /** Whether there was such a guest. */
  async removeGuest(sessionId: string, accountId: string, db: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows: unknown[] = await changedRows(
      db,
      `DELETE FROM session_participant WHERE session_id = $1 AND account_id = $2 AND kind = 'guest' RETURNING account_id`,
      [sessionId, accountId],
    );
    return rows.length > 0;
  }

  async hasAttended(sessionId: string, accountId: string, db: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows: { attended_at: Date | null }[] = await db.query(`SELECT attended_at FROM session_participant WHERE session_id = $1 AND account_id = $2`, [
      sessionId,
      accountId,
    ]);
    return Boolean(rows[0]?.attended_at);
  }

  /** Records the first time the account is there (a member who was not invited gets a row). */
  async recordAttendance(sessionId: string, accountId: string, kind: ParticipantView['kind'], db: EntityManager = this.dataSource.manager): Promise<void> {
    await db.query(
      `INSERT INTO session_participant (session_id, account_id, kind, invited, attended_at) VALUES ($1, $2, $3, false, now())
       ON CONFLICT (session_id, account_id) DO UPDATE SET attended_at = coalesce(session_participant.attended_at, now())`,
      [sessionId, accountId, kind],
    );
  }
}
