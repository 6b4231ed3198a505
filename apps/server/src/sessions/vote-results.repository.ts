import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { ConsentAnswer, VoteResults } from '@concerto/domain';
import type { Vote } from './votes.repository.js';

interface OptionTallyRow {
  option_key: string;
  dots: number;
  mean: number | null;
  scores: number;
}

interface ConsentTallyRow {
  answer: ConsentAnswer;
  n: number;
}

const mapTallyRows = (
  vote: Vote,
  voters: number,
  perOption: OptionTallyRow[],
  consentRows: ConsentTallyRow[] | null,
  objections: { reason: string }[],
): VoteResults => {
  const byKey = new Map(perOption.map((o) => [o.option_key, o]));
  let consent: VoteResults['consent'] = null;
  if (consentRows) {
    consent = { agree: 0, abstain: 0, disagree: 0, objection: 0 };
    for (const { answer, n } of consentRows) consent[answer] = n;
  }
  return {
    voters,
    options: vote.options.map((o) => {
      const row = byKey.get(o.key);
      return { key: o.key, label: o.label, dots: row?.dots ?? 0, meanScore: row?.mean ?? null, scores: row?.scores ?? 0 };
    }),
    consent,
    objections,
  };
};

/** Aggregates the ballots of a vote in SQL: dots and mean scores per option, consent answers, objections. */
@Injectable()
export class VoteResultsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async results(vote: Vote, db: EntityManager = this.dataSource.manager): Promise<VoteResults> {
    const perOption: OptionTallyRow[] = await db.query(
      `SELECT option_key, sum(dots)::int AS dots, avg(score)::float AS mean, count(score)::int AS scores
         FROM vote_choice WHERE vote_id = $1 GROUP BY option_key`,
      [vote.id],
    );
    const [{ voters }]: { voters: number }[] = await db.query(
      `SELECT count(*)::int AS voters FROM vote_ballot b
        WHERE b.vote_id = $1 AND (b.dots_used > 0 OR b.answer IS NOT NULL OR EXISTS (SELECT 1 FROM vote_choice c WHERE c.vote_id = b.vote_id AND c.account_id = b.account_id AND c.score IS NOT NULL))`,
      [vote.id],
    );
    if (vote.kind !== 'consent') return mapTallyRows(vote, voters, perOption, null, []);
    const answers: ConsentTallyRow[] = await db.query(
      `SELECT answer, count(*)::int AS n FROM vote_ballot WHERE vote_id = $1 AND answer IS NOT NULL GROUP BY answer`,
      [vote.id],
    );
    const objections: { reason: string }[] = await db.query(`SELECT reason FROM vote_ballot WHERE vote_id = $1 AND answer = 'objection' ORDER BY updated_at`, [
      vote.id,
    ]);
    return mapTallyRows(vote, voters, perOption, answers, objections);
  }
}
