import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import type { BallotView, CreateVoteRequest, VoteView } from '@concerto/domain';
import { changedRows } from '../database/changed-rows.js';

/** A vote as stored: its view without the results, which depend on who asks. */
export type Vote = Omit<VoteView, 'results' | 'outcome'>;

/** One option of a ballot: dots on it (dot votes) or its score (score votes). */
export interface BallotChoice {
  optionKey: string;
  dots: number;
  score: number | null;
}

/** The rules the ballot rows' CHECK constraints hold whatever the code does. */
export type BallotConstraint = 'dots_within_budget' | 'objection_has_reason';

interface VoteRow {
  id: string;
  session_id: string;
  agenda_item_id: string | null;
  kind: VoteView['kind'];
  title: string;
  options: VoteView['options'];
  dots_per_participant: number;
  results_visibility: VoteView['resultsVisibility'];
  status: VoteView['status'];
  opened_at: Date;
  closed_at: Date | null;
  closes_at: Date | null;
}

/** A vote whose closing time has passed is closed (at that time), even before anything writes it so. */
const mapVoteRow = (r: VoteRow): Vote => {
  const stored = mapStoredVote(r);
  const timedOut = r.status === 'open' && r.closes_at !== null && r.closes_at.getTime() <= Date.now();
  return timedOut ? { ...stored, status: 'closed', closedAt: stored.closesAt } : stored;
};

const mapStoredVote = (r: VoteRow): Vote => ({
  id: r.id,
  sessionId: r.session_id,
  agendaItemId: r.agenda_item_id,
  kind: r.kind,
  title: r.title,
  options: r.options,
  dotsPerParticipant: r.dots_per_participant,
  resultsVisibility: r.results_visibility,
  status: r.status,
  openedAt: r.opened_at.toISOString(),
  closedAt: r.closed_at ? r.closed_at.toISOString() : null,
  closesAt: r.closes_at ? r.closes_at.toISOString() : null,
});

interface BallotRow {
  dots_used: number;
  answer: BallotView['answer'];
  reason: string;
}

interface ChoiceRow {
  option_key: string;
  dots: number;
  score: number | null;
}

/** A person's ballot; someone who never voted has an empty one. */
const mapBallotRows = (vote: Vote, ballot: BallotRow | undefined, choices: ChoiceRow[]): BallotView => ({
  voteId: vote.id,
  dotsUsed: ballot?.dots_used ?? 0,
  dotBudget: vote.dotsPerParticipant,
  allocations: Object.fromEntries(choices.filter((c) => c.dots > 0).map((c) => [c.option_key, c.dots])),
  scores: Object.fromEntries(choices.flatMap((c) => (c.score === null ? [] : [[c.option_key, c.score]]))),
  answer: ballot?.answer ?? null,
  reason: ballot?.reason ?? '',
});

const CHECK_VIOLATION = '23514';
const BALLOT_CONSTRAINTS: Record<string, BallotConstraint> = {
  vote_ballot_dots_within_budget: 'dots_within_budget',
  vote_ballot_objection_has_reason: 'objection_has_reason',
};

/** The ballot rule a failed write broke, if that is why it failed. */
export function brokenBallotConstraint(error: unknown): BallotConstraint | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const driverError: unknown = error.driverError;
  if (typeof driverError !== 'object' || driverError === null || !('code' in driverError) || driverError.code !== CHECK_VIOLATION) return undefined;
  return 'constraint' in driverError && typeof driverError.constraint === 'string' ? BALLOT_CONSTRAINTS[driverError.constraint] : undefined;
}

/** The SQL of the `vote`, `vote_ballot` and `vote_choice` tables. Times given as `now` are the server clock's milliseconds. */
@Injectable()
export class VotesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A session's votes, oldest first. */
  async list(sessionId: string, db: EntityManager = this.dataSource.manager): Promise<Vote[]> {
    const rows: VoteRow[] = await db.query(`SELECT * FROM vote WHERE session_id = $1 ORDER BY opened_at`, [sessionId]);
    return rows.map(mapVoteRow);
  }

  async find(sessionId: string, voteId: string, db: EntityManager = this.dataSource.manager): Promise<Vote | undefined> {
    const rows: VoteRow[] = await db.query(`SELECT * FROM vote WHERE id = $1 AND session_id = $2`, [voteId, sessionId]);
    return rows[0] && mapVoteRow(rows[0]);
  }

  /** Opens a vote (a consent vote has no options). */
  async insert(sessionId: string, vote: CreateVoteRequest, db: EntityManager = this.dataSource.manager): Promise<Vote> {
    const [row]: VoteRow[] = await db.query(
      `INSERT INTO vote (session_id, agenda_item_id, kind, title, options, dots_per_participant, results_visibility, closes_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
      [
        sessionId,
        vote.agendaItemId,
        vote.kind,
        vote.title,
        JSON.stringify(vote.kind === 'consent' ? [] : vote.options),
        vote.dotsPerParticipant,
        vote.resultsVisibility,
        vote.closesAt,
      ],
    );
    return mapVoteRow(row);
  }

  /**
   * Closes a vote (it keeps its first closing time; one whose closing time has passed closed then); undefined when
   * the session has no such vote.
   */
  async close(sessionId: string, voteId: string, db: EntityManager = this.dataSource.manager): Promise<Vote | undefined> {
    const rows: VoteRow[] = await changedRows(
      db,
      `UPDATE vote SET status = 'closed', closed_at = coalesce(closed_at, CASE WHEN closes_at <= now() THEN closes_at ELSE now() END)
        WHERE id = $1 AND session_id = $2 RETURNING *`,
      [voteId, sessionId],
    );
    return rows[0] && mapVoteRow(rows[0]);
  }

  /** Closes every vote of the session still open, at `now`. */
  async closeAll(sessionId: string, now: number, db: EntityManager = this.dataSource.manager): Promise<void> {
    await db.query(`UPDATE vote SET status = 'closed', closed_at = coalesce(closed_at, least(closes_at, to_timestamp($2 / 1000.0))) WHERE session_id = $1`, [
      sessionId,
      now,
    ]);
  }

  /**
   * Locks the person's ballot row until the end of the transaction `db`, creating it (with the vote's dot budget) if
   * they never voted, so that their concurrent requests apply one after the other. Returns the dots already used.
   */
  async lockBallot(vote: Vote, accountId: string, db: EntityManager): Promise<number> {
    await db.query(`INSERT INTO vote_ballot (vote_id, account_id, dot_budget) VALUES ($1, $2, $3) ON CONFLICT (vote_id, account_id) DO NOTHING`, [
      vote.id,
      accountId,
      vote.dotsPerParticipant,
    ]);
    const [row]: { dots_used: number }[] = await db.query(`SELECT dots_used FROM vote_ballot WHERE vote_id = $1 AND account_id = $2 FOR UPDATE`, [
      vote.id,
      accountId,
    ]);
    return row.dots_used;
  }

  async ballot(vote: Vote, accountId: string, db: EntityManager = this.dataSource.manager): Promise<BallotView> {
    const [ballot]: BallotRow[] = await db.query(`SELECT dots_used, answer, reason FROM vote_ballot WHERE vote_id = $1 AND account_id = $2`, [
      vote.id,
      accountId,
    ]);
    const choices: ChoiceRow[] = await db.query(`SELECT option_key, dots, score FROM vote_choice WHERE vote_id = $1 AND account_id = $2`, [vote.id, accountId]);
    return mapBallotRows(vote, ballot, choices);
  }

  /** The person's choices become `choices`; the ballot's count of dots used follows. */
  async replaceChoices(voteId: string, accountId: string, choices: BallotChoice[], db: EntityManager = this.dataSource.manager): Promise<void> {
    await db.query(`DELETE FROM vote_choice WHERE vote_id = $1 AND account_id = $2`, [voteId, accountId]);
    await db.query(
      `INSERT INTO vote_choice (vote_id, account_id, option_key, dots, score) SELECT $1, $2, unnest($3::text[]), unnest($4::int[]), unnest($5::int[])`,
      [voteId, accountId, choices.map((c) => c.optionKey), choices.map((c) => c.dots), choices.map((c) => c.score)],
    );
    await db.query(
      `UPDATE vote_ballot SET dots_used = (SELECT coalesce(sum(dots), 0) FROM vote_choice WHERE vote_id = $1 AND account_id = $2), updated_at = now()
        WHERE vote_id = $1 AND account_id = $2`,
      [voteId, accountId],
    );
  }

  async answerConsent(
    voteId: string,
    accountId: string,
    answer: NonNullable<BallotView['answer']>,
    reason: string,
    db: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await db.query(`UPDATE vote_ballot SET answer = $3, reason = $4, updated_at = now() WHERE vote_id = $1 AND account_id = $2`, [
      voteId,
      accountId,
      answer,
      reason,
    ]);
  }

  /**
   * One dot more (`delta` 1) or less (-1) on an option, and on the ballot's count of dots used. False, with nothing
   * changed, when there is no dot to take back.
   */
  async moveDot(voteId: string, accountId: string, optionKey: string, delta: 1 | -1, db: EntityManager = this.dataSource.manager): Promise<boolean> {
    if (delta > 0) {
      await db.query(
        `INSERT INTO vote_choice (vote_id, account_id, option_key, dots) VALUES ($1, $2, $3, 1)
         ON CONFLICT (vote_id, account_id, option_key) DO UPDATE SET dots = vote_choice.dots + 1`,
        [voteId, accountId, optionKey],
      );
    } else {
      const rows: unknown[] = await changedRows(
        db,
        `UPDATE vote_choice SET dots = dots - 1 WHERE vote_id = $1 AND account_id = $2 AND option_key = $3 AND dots > 0 RETURNING dots`,
        [voteId, accountId, optionKey],
      );
      if (rows.length === 0) return false;
    }
    await db.query(`UPDATE vote_ballot SET dots_used = dots_used + $3, updated_at = now() WHERE vote_id = $1 AND account_id = $2`, [voteId, accountId, delta]);
    return true;
  }
}
