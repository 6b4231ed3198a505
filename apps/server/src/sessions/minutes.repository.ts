import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { CreateDecisionRequest, DecisionView, MinutesView } from '@concerto/domain';
import { changedRows } from '../database/changed-rows.js';

/** A decision with the title of its session (a project made from it is named after them). */
export interface DecisionWithSession extends DecisionView {
  sessionTitle: string;
}

/** A decision as the minutes list it: with the title of its agenda item, if any. */
export type MinutesDecision = MinutesView['decisions'][number];

interface DecisionRow {
  id: string;
  agenda_item_id: string | null;
  vote_id: string | null;
  text: string;
  project_id: string | null;
  created_at: Date;
}

const mapDecisionRow = (r: DecisionRow): DecisionView => ({
  id: r.id,
  agendaItemId: r.agenda_item_id,
  voteId: r.vote_id,
  text: r.text,
  projectId: r.project_id,
  createdAt: r.created_at.toISOString(),
});

interface MinutesDecisionRow {
  text: string;
  item: string | null;
  project_id: string | null;
}

const mapMinutesDecisionRow = (r: MinutesDecisionRow): MinutesDecision => ({ text: r.text, item: r.item, projectId: r.project_id });

/** The SQL of the `session_decision` and `session_minutes` tables. */
@Injectable()
export class MinutesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A session's decisions, oldest first. */
  async decisions(sessionId: string, db: EntityManager = this.dataSource.manager): Promise<DecisionView[]> {
    const rows: DecisionRow[] = await db.query(`SELECT * FROM session_decision WHERE session_id = $1 ORDER BY created_at`, [sessionId]);
    return rows.map(mapDecisionRow);
  }

  /** The same decisions, as the minutes list them. */
  async minutesDecisions(sessionId: string, db: EntityManager = this.dataSource.manager): Promise<MinutesDecision[]> {
    const rows: MinutesDecisionRow[] = await db.query(
      `SELECT d.text, i.title AS item, d.project_id FROM session_decision d LEFT JOIN agenda_item i ON i.id = d.agenda_item_id
        WHERE d.session_id = $1 ORDER BY d.created_at`,
      [sessionId],
    );
    return rows.map(mapMinutesDecisionRow);
  }

  async findDecision(sessionId: string, decisionId: string, db: EntityManager = this.dataSource.manager): Promise<DecisionWithSession | undefined> {
    const rows: (DecisionRow & { session_title: string })[] = await db.query(
      `SELECT d.*, cs.title AS session_title FROM session_decision d JOIN concertation_session cs ON cs.id = d.session_id WHERE d.id = $1 AND d.session_id = $2`,
      [decisionId, sessionId],
    );
    return rows[0] && { ...mapDecisionRow(rows[0]), sessionTitle: rows[0].session_title };
  }

  async insertDecision(
    sessionId: string,
    decision: CreateDecisionRequest & { voteId?: string },
    accountId: string,
    db: EntityManager = this.dataSource.manager,
  ): Promise<DecisionView> {
    const [row]: DecisionRow[] = await db.query(
      `INSERT INTO session_decision (session_id, agenda_item_id, text, created_by_id, vote_id) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
      [sessionId, decision.agendaItemId, decision.text, accountId, decision.voteId ?? null],
    );
    return mapDecisionRow(row);
  }

  /** Locks the vote's row until the transaction ends: one decision is recorded from it at a time. */
  async lockVote(sessionId: string, voteId: string, db: EntityManager): Promise<boolean> {
    const rows: unknown[] = await db.query(`SELECT id FROM vote WHERE id = $1 AND session_id = $2 FOR UPDATE`, [voteId, sessionId]);
    return rows.length > 0;
  }

  /** The decision recorded from that vote, if any. */
  async decisionOfVote(voteId: string, db: EntityManager = this.dataSource.manager): Promise<DecisionView | undefined> {
    const rows: DecisionRow[] = await db.query(`SELECT * FROM session_decision WHERE vote_id = $1`, [voteId]);
    return rows[0] && mapDecisionRow(rows[0]);
  }

  /** Whether the session had that decision. */
  async deleteDecision(sessionId: string, decisionId: string, db: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows: unknown[] = await changedRows(db, `DELETE FROM session_decision WHERE id = $1 AND session_id = $2 RETURNING id`, [decisionId, sessionId]);
    return rows.length > 0;
  }

  /** Remembers the project made from the decision. */
  async linkProject(decisionId: string, projectId: string, db: EntityManager = this.dataSource.manager): Promise<DecisionView | undefined> {
    const rows: DecisionRow[] = await changedRows(db, `UPDATE session_decision SET project_id = $2 WHERE id = $1 RETURNING *`, [decisionId, projectId]);
    return rows[0] && mapDecisionRow(rows[0]);
  }

  /** The minutes written at close, kept as they were. */
  async minutes(sessionId: string, db: EntityManager = this.dataSource.manager): Promise<MinutesView | undefined> {
    const rows: { content: MinutesView }[] = await db.query(`SELECT content FROM session_minutes WHERE session_id = $1`, [sessionId]);
    return rows[0]?.content;
  }

  async insertMinutes(sessionId: string, minutes: MinutesView, db: EntityManager = this.dataSource.manager): Promise<void> {
    await db.query(`INSERT INTO session_minutes (session_id, content) VALUES ($1, $2)`, [sessionId, JSON.stringify(minutes)]);
  }
}
