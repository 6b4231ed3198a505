/** What a consent vote ended with: `adopted` (answers and no objection), `blocked` (one objection or more), `no_answer`. */
export type ConsentOutcome = 'adopted' | 'blocked' | 'no_answer';

/**
 * The outcome of a vote, once it is closed: only a consent vote has one. One objection blocks the proposal; without
 * objection it is adopted as soon as someone answered (agreeing, abstaining or disagreeing does not block).
 * Null while the vote is open, for other kinds of vote, and when the caller may not see the results.
 */
export function consentOutcome(
  vote: { kind: string; status: 'open' | 'closed' },
  results: { voters: number; consent: Record<string, number> | null } | null,
): ConsentOutcome | null {
  if (vote.kind !== 'consent' || vote.status !== 'closed' || !results?.consent) return null;
  if ((results.consent.objection ?? 0) > 0) return 'blocked';
  const answers = Object.values(results.consent).reduce((sum, n) => sum + n, 0);
  return answers > 0 ? 'adopted' : 'no_answer';
}
