import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/** A session as its notifications name it. */
export interface SessionHeading {
  sessionId: string;
  spaceId: string;
  title: string;
  scheduledAt: string;
}

/** An open vote closing soon, and who may still vote in it and has not. */
export interface VoteClosingSoon extends SessionHeading {
  voteId: string;
  voteTitle: string;
  closesAt: string;
  yetToVote: string[];
}

/**
 * Who a session's notifications are addressed to, and which sessions are due a reminder. The notifications service
 * keeps only those the access policy lets see the session when it writes them.
 */
@Injectable()
export class SessionRecipientsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The space's members and the session's guests: everyone who has a place in the session. */
  async audience(sessionId: string, db: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows: { account_id: string }[] = await db.query(
      `SELECT m.account_id FROM concertation_session cs JOIN space_membership m ON m.space_id = cs.space_id WHERE cs.id = $1
       UNION
       SELECT p.account_id FROM session_participant p WHERE p.session_id = $1 AND p.kind = 'guest'`,
      [sessionId],
    );
    return rows.map((r) => r.account_id);
  }

  /** Who may vote in the session: contributeurs and animateurs of the space, and the session's guests. */
  async voters(sessionId: string, db: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows: { account_id: string }[] = await db.query(
      `SELECT m.account_id FROM concertation_session cs
         JOIN space_membership m ON m.space_id = cs.space_id AND m.role IN ('contributeur', 'animateur')
        WHERE cs.id = $1
       UNION
       SELECT p.account_id FROM session_participant p WHERE p.session_id = $1 AND p.kind = 'guest'`,
      [sessionId],
    );
    return rows.map((r) => r.account_id);
  }

  async heading(sessionId: string, db: EntityManager = this.dataSource.manager): Promise<SessionHeading | undefined> {
    const rows: HeadingRow[] = await db.query(`SELECT id, space_id, title, scheduled_at FROM concertation_session WHERE id = $1`, [sessionId]);
    return rows[0] && mapHeadingRow(rows[0]);
  }

  /**
   * Open votes whose closing time is after `now` and at most `withinMs` later, each with those who may vote in it
   * (as `voters`) and have not voted yet (no consent answer, no dot or score on any option).
   */
  async votesClosingSoon(now: Date, withinMs: number, db: EntityManager = this.dataSource.manager): Promise<VoteClosingSoon[]> {
    const rows: (HeadingRow & { vote_id: string; vote_title: string; closes_at: Date })[] = await db.query(
      `SELECT cs.id, cs.space_id, cs.title, cs.scheduled_at, v.id AS vote_id, v.title AS vote_title, v.closes_at
         FROM vote v JOIN concertation_session cs ON cs.id = v.session_id
        WHERE v.status = 'open' AND v.closes_at > $1 AND v.closes_at <= $1::timestamptz + $2 * interval '1 millisecond'
        ORDER BY v.closes_at`,
      [now, withinMs],
    );
    const result: VoteClosingSoon[] = [];
    for (const r of rows) {
      const voted: { account_id: string }[] = await db.query(
        `SELECT account_id FROM vote_ballot WHERE vote_id = $1 AND answer IS NOT NULL
         UNION SELECT account_id FROM vote_choice WHERE vote_id = $1`,
        [r.vote_id],
      );
      const done = new Set(voted.map((v) => v.account_id));
      const yetToVote = (await this.voters(r.id, db)).filter((id) => !done.has(id));
      result.push({ ...mapHeadingRow(r), voteId: r.vote_id, voteTitle: r.vote_title, closesAt: r.closes_at.toISOString(), yetToVote });
    }
    return result;
  }

  /** Planned sessions starting after `now` and at most `withinMs` later. */
  async startingSoon(now: Date, withinMs: number, db: EntityManager = this.dataSource.manager): Promise<SessionHeading[]> {
    const rows: HeadingRow[] = await db.query(
      `SELECT id, space_id, title, scheduled_at FROM concertation_session
        WHERE status = 'planned' AND scheduled_at > $1 AND scheduled_at <= $1::timestamptz + $2 * interval '1 millisecond'
        ORDER BY scheduled_at`,
      [now, withinMs],
    );
    return rows.map(mapHeadingRow);
  }
}

interface HeadingRow {
  id: string;
  space_id: string;
  title: string;
  scheduled_at: Date;
}

const mapHeadingRow = (r: HeadingRow): SessionHeading => ({ sessionId: r.id, spaceId: r.space_id, title: r.title, scheduledAt: r.scheduled_at.toISOString() });
