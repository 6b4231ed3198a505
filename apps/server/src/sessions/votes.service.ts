import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import type { BallotRequest, BallotView, CreateVoteRequest, DotRequest, VoteView } from '@concerto/domain';
import { badRequest, conflict, forbidden, notFound } from '../common/api-exception.js';
import { changedRows } from '../database/changed-rows.js';
import { EventsPublisher } from '../events/events-publisher.js';
import type { SessionAccess } from '../access/session-roles.js';
import { type VoteRow, readResults } from './vote-results.js';

const CHECK_VIOLATION = '23514';
const isCheckViolation = (error: unknown, constraint: string) =>
  error instanceof QueryFailedError && (error.driverError as { code?: string; constraint?: string }).code === CHECK_VIOLATION &&
  (error.driverError as { constraint?: string }).constraint === constraint;

/** Votes opened and closed by the animateur; ballots are rows whose per-person rules the database enforces. */
@Injectable()
export class VotesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsPublisher,
  ) {}

  async list(access: SessionAccess): Promise<VoteView[]> {
    const votes: VoteRow[] = await this.dataSource.query(`SELECT * FROM vote WHERE session_id = $1 ORDER BY opened_at`, [access.sessionId]);
    return Promise.all(votes.map((vote) => this.toView(vote, access)));
  }

  async create(access: SessionAccess, body: CreateVoteRequest): Promise<VoteView> {
    if (access.status !== 'live') throw conflict('session_not_live');
    if (body.agendaItemId) {
      const items: unknown[] = await this.dataSource.query(`SELECT 1 FROM agenda_item WHERE id = $1 AND session_id = $2`, [body.agendaItemId, access.sessionId]);
      if (items.length === 0) throw badRequest([{ path: 'agendaItemId', message: 'Not an item of this session' }]);
    }
    const [vote]: VoteRow[] = await this.dataSource.query(
      `INSERT INTO vote (session_id, agenda_item_id, kind, title, options, dots_per_participant, results_visibility)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
      [access.sessionId, body.agendaItemId, body.kind, body.title, JSON.stringify(body.kind === 'consent' ? [] : body.options), body.dotsPerParticipant, body.resultsVisibility],
    );
    this.notify(access, vote.id, 'created');
    return this.toView(vote, access);
  }

  async close(access: SessionAccess, voteId: string): Promise<VoteView> {
    const rows: VoteRow[] = await changedRows(
      this.dataSource,
      `UPDATE vote SET status = 'closed', closed_at = coalesce(closed_at, now()) WHERE id = $1 AND session_id = $2 RETURNING *`,
      [voteId, access.sessionId],
    );
    if (!rows[0]) throw notFound();
    this.notify(access, voteId, 'updated');
    return this.toView(rows[0], access);
  }

  async results(access: SessionAccess, voteId: string): Promise<VoteView> {
    const vote = await this.find(this.dataSource.manager, access, voteId);
    const view = await this.toView(vote, access);
    if (!view.results) throw forbidden('results_hidden');
    return view;
  }

  async ballot(access: SessionAccess, voteId: string, accountId: string): Promise<BallotView> {
    const vote = await this.find(this.dataSource.manager, access, voteId);
    return this.readBallot(this.dataSource.manager, vote, accountId);
  }

  /** Replaces the caller's whole ballot (the person may change it while the vote is open). */
  async putBallot(access: SessionAccess, voteId: string, accountId: string, body: BallotRequest): Promise<BallotView> {
    const ballot = await this.write(access, voteId, accountId, async (tx, vote) => {
      if (body.kind !== vote.kind) throw badRequest([{ path: 'kind', message: `This vote is a ${vote.kind} vote` }]);
      const keys = new Set(vote.options.map((o) => o.key));
      const entries = Object.entries(body.kind === 'dot' ? body.allocations : body.kind === 'score' ? body.scores : {});
      const unknown = entries.find(([key]) => !keys.has(key));
      if (unknown) throw badRequest([{ path: unknown[0], message: 'Unknown option' }]);
      await tx.query(`DELETE FROM vote_choice WHERE vote_id = $1 AND account_id = $2`, [voteId, accountId]);
      if (body.kind === 'consent') {
        await tx.query(`UPDATE vote_ballot SET answer = $3, reason = $4, updated_at = now() WHERE vote_id = $1 AND account_id = $2`, [voteId, accountId, body.answer, body.reason]);
        return;
      }
      if (body.kind === 'dot' && entries.reduce((sum, [, n]) => sum + n, 0) > vote.dots_per_participant) throw conflict('dot_budget_exceeded');
      const kept = entries.filter(([, n]) => n > 0 || body.kind === 'score');
      await tx.query(
        `INSERT INTO vote_choice (vote_id, account_id, option_key, dots, score) SELECT $1, $2, unnest($3::text[]), unnest($4::int[]), unnest($5::int[])`,
        [voteId, accountId, kept.map(([k]) => k), kept.map(([, n]) => (body.kind === 'dot' ? n : 0)), kept.map(([, n]) => (body.kind === 'score' ? n : null))],
      );
      await tx.query(
        `UPDATE vote_ballot SET dots_used = (SELECT coalesce(sum(dots), 0) FROM vote_choice WHERE vote_id = $1 AND account_id = $2), updated_at = now()
          WHERE vote_id = $1 AND account_id = $2`,
        [voteId, accountId],
      );
    });
    return ballot;
  }

  /** One dot more or less on an option: concurrent clicks cannot overspend, the row's constraint refuses the extra one. */
  async dot(access: SessionAccess, voteId: string, accountId: string, body: DotRequest): Promise<BallotView> {
    return this.write(access, voteId, accountId, async (tx, vote, dotsUsed) => {
      if (vote.kind !== 'dot') throw badRequest([{ path: 'option', message: 'Not a dot vote' }]);
      if (!vote.options.some((o) => o.key === body.option)) throw badRequest([{ path: 'option', message: 'Unknown option' }]);
      if (body.delta > 0 && dotsUsed >= vote.dots_per_participant) throw conflict('dot_budget_exceeded');
      if (body.delta > 0) {
        await tx.query(
          `INSERT INTO vote_choice (vote_id, account_id, option_key, dots) VALUES ($1, $2, $3, 1)
           ON CONFLICT (vote_id, account_id, option_key) DO UPDATE SET dots = vote_choice.dots + 1`,
          [voteId, accountId, body.option],
        );
      } else {
        const rows: unknown[] = await changedRows(
          tx,
          `UPDATE vote_choice SET dots = dots - 1 WHERE vote_id = $1 AND account_id = $2 AND option_key = $3 AND dots > 0 RETURNING dots`,
          [voteId, accountId, body.option],
        );
        if (rows.length === 0) throw conflict('session_state');
      }
      await tx.query(`UPDATE vote_ballot SET dots_used = dots_used + $3, updated_at = now() WHERE vote_id = $1 AND account_id = $2`, [voteId, accountId, body.delta]);
    });
  }

  /**
   * Runs a ballot change under the ballot's row lock. The budget is checked here for a clear answer, and again by the
   * row's CHECK constraint, which holds whatever the code does.
   */
  private async write(
    access: SessionAccess,
    voteId: string,
    accountId: string,
    work: (tx: EntityManager, vote: VoteRow, dotsUsed: number) => Promise<void>,
  ): Promise<BallotView> {
    if (access.status !== 'live') throw conflict('session_not_live');
    let ballot: BallotView;
    try {
      ballot = await this.dataSource.transaction(async (tx) => {
        const vote = await this.find(tx, access, voteId);
        if (vote.status !== 'open') throw conflict('vote_closed');
        await tx.query(
          `INSERT INTO vote_ballot (vote_id, account_id, dot_budget) VALUES ($1, $2, $3) ON CONFLICT (vote_id, account_id) DO NOTHING`,
          [voteId, accountId, vote.dots_per_participant],
        );
        // The ballot row is locked first: one participant's concurrent requests apply one after the other.
        const [locked]: { dots_used: number }[] = await tx.query(`SELECT dots_used FROM vote_ballot WHERE vote_id = $1 AND account_id = $2 FOR UPDATE`, [voteId, accountId]);
        await work(tx, vote, locked.dots_used);
        return this.readBallot(tx, vote, accountId);
      });
    } catch (error) {
      if (isCheckViolation(error, 'vote_ballot_dots_within_budget')) throw conflict('dot_budget_exceeded');
      if (isCheckViolation(error, 'vote_ballot_objection_has_reason')) throw badRequest([{ path: 'reason', message: 'An objection must give its reason' }]);
      throw error;
    }
    this.notify(access, voteId, 'updated');
    return ballot;
  }

  private async find(db: EntityManager, access: SessionAccess, voteId: string): Promise<VoteRow> {
    const rows: VoteRow[] = await db.query(`SELECT * FROM vote WHERE id = $1 AND session_id = $2`, [voteId, access.sessionId]);
    if (!rows[0]) throw notFound();
    return rows[0];
  }

  private async readBallot(db: EntityManager, vote: VoteRow, accountId: string): Promise<BallotView> {
    const [ballot]: { dots_used: number; answer: BallotView['answer']; reason: string }[] = await db.query(
      `SELECT dots_used, answer, reason FROM vote_ballot WHERE vote_id = $1 AND account_id = $2`,
      [vote.id, accountId],
    );
    const choices: { option_key: string; dots: number; score: number | null }[] = await db.query(
      `SELECT option_key, dots, score FROM vote_choice WHERE vote_id = $1 AND account_id = $2`,
      [vote.id, accountId],
    );
    return {
      voteId: vote.id,
      dotsUsed: ballot?.dots_used ?? 0,
      dotBudget: vote.dots_per_participant,
      allocations: Object.fromEntries(choices.filter((c) => c.dots > 0).map((c) => [c.option_key, c.dots])),
      scores: Object.fromEntries(choices.filter((c) => c.score !== null).map((c) => [c.option_key, c.score!])),
      answer: ballot?.answer ?? null,
      reason: ballot?.reason ?? '',
    };
  }

  /** Results are shown to everyone when live, otherwise only to the animateur until the vote closes. */
  private async toView(vote: VoteRow, access: SessionAccess): Promise<VoteView> {
    const visible = vote.results_visibility === 'live' || vote.status === 'closed' || access.role === 'animateur';
    return {
      id: vote.id,
      sessionId: vote.session_id,
      agendaItemId: vote.agenda_item_id,
      kind: vote.kind,
      title: vote.title,
      options: vote.options,
      dotsPerParticipant: vote.dots_per_participant,
      resultsVisibility: vote.results_visibility,
      status: vote.status,
      openedAt: vote.opened_at.toISOString(),
      closedAt: vote.closed_at ? vote.closed_at.toISOString() : null,
      results: visible ? await readResults(this.dataSource.manager, vote) : null,
    };
  }

  private notify(access: SessionAccess, voteId: string, op: 'created' | 'updated'): void {
    this.events.notifySession(access.sessionId, { spaceId: access.spaceId, entity: 'vote', id: voteId, op });
  }
}

