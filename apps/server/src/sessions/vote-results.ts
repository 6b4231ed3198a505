import type { EntityManager } from 'typeorm';
import type { ConsentAnswer, VoteResults, VoteView } from '@concerto/domain';

export interface VoteRow {
  id: string;
  session_id: string;
  agenda_item_id: string | null;
  kind: VoteView['kind'];
  title: string;
  options: { key: string; label: string }[];
  dots_per_participant: number;
  results_visibility: VoteView['resultsVisibility'];
  status: VoteView['status'];
  opened_at: Date;
  closed_at: Date | null;
}

/** Aggregates the ballots of a vote in SQL: dots and mean scores per option, consent answers, objections. */
export async function readResults(db: EntityManager, vote: VoteRow): Promise<VoteResults> {
  const perOption: { option_key: string; dots: number; mean: number | null; scores: number }[] = await db.query(
    `SELECT option_key, sum(dots)::int AS dots, avg(score)::float AS mean, count(score)::int AS scores
       FROM vote_choice WHERE vote_id = $1 GROUP BY option_key`,
    [vote.id],
  );
  const [{ voters }]: { voters: number }[] = await db.query(
    `SELECT count(*)::int AS voters FROM vote_ballot b
      WHERE b.vote_id = $1 AND (b.dots_used > 0 OR b.answer IS NOT NULL OR EXISTS (SELECT 1 FROM vote_choice c WHERE c.vote_id = b.vote_id AND c.account_id = b.account_id AND c.score IS NOT NULL))`,
    [vote.id],
  );
  const byKey = new Map(perOption.map((o) => [o.option_key, o]));
  let consent: VoteResults['consent'] = null;
  let objections: VoteResults['objections'] = [];
  if (vote.kind === 'consent') {
    const answers: { answer: ConsentAnswer; n: number }[] = await db.query(
      `SELECT answer, count(*)::int AS n FROM vote_ballot WHERE vote_id = $1 AND answer IS NOT NULL GROUP BY answer`,
      [vote.id],
    );
    consent = { agree: 0, abstain: 0, disagree: 0, objection: 0 };
    for (const { answer, n } of answers) consent[answer] = n;
    objections = await db.query(`SELECT reason FROM vote_ballot WHERE vote_id = $1 AND answer = 'objection' ORDER BY updated_at`, [vote.id]);
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
}
