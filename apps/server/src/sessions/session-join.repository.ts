import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Locale, SessionStatus } from '@concerto/domain';
import { changedRows } from '../database/changed-rows.js';

/** A session as its join code opens it. */
export interface JoinTarget {
  sessionId: string;
  spaceId: string;
  title: string;
  status: SessionStatus;
}

/** A participant who joined a session by code. */
export interface JoinedParticipant {
  accountId: string;
  sessionId: string;
  displayName: string;
  organisation: string | null;
  removed: boolean;
}

interface TargetRow {
  session_id: string;
  space_id: string;
  title: string;
  status: SessionStatus;
}

interface ParticipantRow {
  account_id: string;
  session_id: string;
  display_name: string;
  organisation_name: string | null;
  removed_at: Date | null;
}

const mapTargetRow = (r: TargetRow): JoinTarget => ({ sessionId: r.session_id, spaceId: r.space_id, title: r.title, status: r.status });
const mapParticipantRow = (r: ParticipantRow): JoinedParticipant => ({
  accountId: r.account_id,
  sessionId: r.session_id,
  displayName: r.display_name,
  organisation: r.organisation_name,
  removed: r.removed_at !== null,
});

/** The SQL of joining a live session by code: `session_join_code`, `session_join_participant` and their account rows. */
@Injectable()
export class SessionJoinRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async codeOf(sessionId: string, db: EntityManager = this.dataSource.manager): Promise<string | null> {
    const rows: { code: string }[] = await db.query(`SELECT code FROM session_join_code WHERE session_id = $1`, [sessionId]);
    return rows[0]?.code ?? null;
  }

  /** Sets the session's code (a new one replaces the old); false when another session holds this code. */
  async setCode(sessionId: string, code: string, db: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows: unknown[] = await db
      .query(
        `INSERT INTO session_join_code (session_id, code) VALUES ($1, $2)
       ON CONFLICT (session_id) DO UPDATE SET code = excluded.code, opened_at = now()
       RETURNING session_id`,
        [sessionId, code],
      )
      .catch((error: unknown) => {
        if ((error as { code?: string }).code === '23505') return [];
        throw error;
      });
    return rows.length > 0;
  }

  async closeCode(sessionId: string, db: EntityManager = this.dataSource.manager): Promise<void> {
    await db.query(`DELETE FROM session_join_code WHERE session_id = $1`, [sessionId]);
  }

  async targetOf(code: string, db: EntityManager = this.dataSource.manager): Promise<JoinTarget | undefined> {
    const rows: TargetRow[] = await db.query(
      `SELECT cs.id AS session_id, cs.space_id, cs.title, cs.status
         FROM session_join_code c JOIN concertation_session cs ON cs.id = c.session_id
        WHERE c.code = $1`,
      [code],
    );
    return rows[0] ? mapTargetRow(rows[0]) : undefined;
  }

  /** Serialises the joins of one device to one session (a double click, two tabs): they resume one participant. */
  async lockDevice(sessionId: string, deviceHash: string, db: EntityManager): Promise<void> {
    await db.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`session-join:${sessionId}:${deviceHash}`]);
  }

  async participantOfDevice(sessionId: string, deviceHash: string, db: EntityManager = this.dataSource.manager): Promise<JoinedParticipant | undefined> {
    const rows: ParticipantRow[] = await db.query(
      `SELECT jp.account_id, jp.session_id, a.display_name, jp.organisation_name, jp.removed_at
         FROM session_join_participant jp JOIN account a ON a.id = jp.account_id
        WHERE jp.session_id = $1 AND jp.device_hash = $2`,
      [sessionId, deviceHash],
    );
    return rows[0] ? mapParticipantRow(rows[0]) : undefined;
  }

  /**
   * A new participant: its account row (no usable password, an address that cannot receive mail), its identity for the
   * session and its place in it. Returns the account id.
   */
  async insertParticipant(
    p: { sessionId: string; displayName: string; organisation: string | null; deviceHash: string; locale: Locale },
    db: EntityManager = this.dataSource.manager,
  ): Promise<string> {
    const [account]: { id: string }[] = await db.query(
      `INSERT INTO account (email, password_hash, display_name, locale)
       VALUES ('participant-' || gen_random_uuid() || '@participant.invalid', '!', $1, $2) RETURNING id`,
      [p.displayName, p.locale],
    );
    if (!account) throw new Error('account not inserted');
    await db.query(`INSERT INTO session_join_participant (account_id, session_id, organisation_name, device_hash) VALUES ($1, $2, $3, $4)`, [
      account.id,
      p.sessionId,
      p.organisation,
      p.deviceHash,
    ]);
    await db.query(`INSERT INTO session_participant (session_id, account_id, kind, invited) VALUES ($1, $2, 'participant', false)`, [p.sessionId, account.id]);
    return account.id;
  }

  /** Marks the participant removed and takes its place in the session away; whether there was such a participant. */
  async removeParticipant(sessionId: string, accountId: string, db: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows = await changedRows<{ account_id: string }>(
      db,
      `UPDATE session_join_participant SET removed_at = now() WHERE session_id = $1 AND account_id = $2 AND removed_at IS NULL RETURNING account_id`,
      [sessionId, accountId],
    );
    if (rows.length === 0) return false;
    await db.query(`DELETE FROM session_participant WHERE session_id = $1 AND account_id = $2 AND kind = 'participant'`, [sessionId, accountId]);
    return true;
  }
}
