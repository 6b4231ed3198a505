import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { CreateSessionRequest, SessionStatus, SessionSummary, UpdateSessionRequest } from '@concerto/domain';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A session's own row, as the session view shows it (without its agenda and participants). */
export interface SessionDetails extends SessionSummary {
  anonymousNotes: boolean;
  version: number;
}

/** A session's row locked for a transaction: what the rules of its changes read. */
export interface LockedSession {
  status: SessionStatus;
  title: string;
}

/** The fields of a session's details that a change sets (an absent field is left as it is). */
export type SessionDetailsChange = Omit<UpdateSessionRequest, 'agenda' | 'participantIds'>;

interface SessionRow {
  id: string;
  space_id: string;
  title: string;
  scheduled_at: Date;
  place: string;
  link: string;
  mode: SessionSummary['mode'];
  status: SessionStatus;
  started_at: Date | null;
  closed_at: Date | null;
  anonymous_notes: boolean;
  version: number;
  has_minutes: boolean;
}

const mapSummaryRow = (r: SessionRow): SessionSummary => ({
  id: r.id,
  spaceId: r.space_id,
  title: r.title,
  scheduledAt: r.scheduled_at.toISOString(),
  place: r.place,
  link: r.link,
  mode: r.mode,
  status: r.status,
  startedAt: iso(r.started_at),
  closedAt: iso(r.closed_at),
  hasMinutes: r.has_minutes,
});

const mapDetailsRow = (r: SessionRow): SessionDetails => ({ ...mapSummaryRow(r), anonymousNotes: r.anonymous_notes, version: r.version });

const SESSION_SELECT = `SELECT cs.*, EXISTS (SELECT 1 FROM session_minutes WHERE session_id = cs.id) AS has_minutes FROM concertation_session cs`;

/** The column of each field a details change may set. */
const DETAIL_COLUMNS: [keyof SessionDetailsChange, string][] = [
  ['title', 'title'],
  ['scheduledAt', 'scheduled_at'],
  ['place', 'place'],
  ['link', 'link'],
  ['mode', 'mode'],
  ['anonymousNotes', 'anonymous_notes'],
];

/** The SQL of the `concertation_session` table. Every change of a session bumps its version. */
@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Past and upcoming sessions of a space: live first, then upcoming by date, then past, newest first. */
  async list(spaceId: string, db: EntityManager = this.dataSource.manager): Promise<SessionSummary[]> {
    const rows: SessionRow[] = await db.query(
      `${SESSION_SELECT} WHERE cs.space_id = $1
        ORDER BY (cs.status = 'live') DESC, (cs.status = 'closed'), CASE WHEN cs.status = 'closed' THEN -extract(epoch FROM cs.scheduled_at) ELSE extract(epoch FROM cs.scheduled_at) END`,
      [spaceId],
    );
    return rows.map(mapSummaryRow);
  }

  async find(sessionId: string, db: EntityManager = this.dataSource.manager): Promise<SessionDetails | undefined> {
    const rows: SessionRow[] = await db.query(`${SESSION_SELECT} WHERE cs.id = $1`, [sessionId]);
    return rows[0] && mapDetailsRow(rows[0]);
  }

  /** Locks the session's row until the end of the transaction `db`: its changes apply one after the other. */
  async lock(sessionId: string, db: EntityManager): Promise<LockedSession | undefined> {
    const rows: LockedSession[] = await db.query(`SELECT status, title FROM concertation_session WHERE id = $1 FOR UPDATE`, [sessionId]);
    return rows[0];
  }

  /** Returns the new session's id. */
  async insert(spaceId: string, details: CreateSessionRequest, accountId: string, db: EntityManager = this.dataSource.manager): Promise<string> {
    const [row]: { id: string }[] = await db.query(
      `INSERT INTO concertation_session (space_id, title, scheduled_at, place, link, mode, anonymous_notes, created_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [spaceId, details.title, details.scheduledAt, details.place, details.link, details.mode, details.anonymousNotes, accountId],
    );
    return row.id;
  }

  /** Sets the given details. */
  async update(sessionId: string, change: SessionDetailsChange, db: EntityManager = this.dataSource.manager): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [sessionId];
    for (const [field, column] of DETAIL_COLUMNS) {
      const value = change[field];
      if (value === undefined) continue;
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    }
    await db.query(`UPDATE concertation_session SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1`, params);
  }

  /** The session runs: started at `now` (server clock, ms) the first time. */
  async markLive(sessionId: string, now: number, db: EntityManager = this.dataSource.manager): Promise<void> {
    await db.query(
      `UPDATE concertation_session SET status = 'live', started_at = coalesce(started_at, to_timestamp($2 / 1000.0)), version = version + 1, updated_at = now()
        WHERE id = $1`,
      [sessionId, now],
    );
  }

  async markClosed(sessionId: string, now: number, db: EntityManager = this.dataSource.manager): Promise<void> {
    await db.query(
      `UPDATE concertation_session SET status = 'closed', closed_at = to_timestamp($2 / 1000.0), version = version + 1, updated_at = now() WHERE id = $1`,
      [sessionId, now],
    );
  }
}
