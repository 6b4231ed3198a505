import { type SampleCell, compareFrench } from '@concerto/domain';
import type { Candidate } from './sample-coverage.repository.js';

/** Suggestions offered for the gaps of a set. */
const SUGGESTIONS = 5;

const cellKey = (c: SampleCell) => `${c.field}=${c.value}`;

/**
 * Each time, the candidate filling the most gaps still open (ties: French order of names), until no candidate fills
 * one: a few poles that together fill as many gaps as they can, each listed with the gaps it adds.
 */
export function chooseSuggestions(candidates: Candidate[], gaps: SampleCell[], count = SUGGESTIONS): Candidate[] {
  const open = new Set(gaps.map(cellKey));
  const left = [...candidates];
  const chosen: Candidate[] = [];
  while (chosen.length < count && open.size > 0) {
    let best: { candidate: Candidate; fills: SampleCell[]; index: number } | null = null;
    for (const [index, candidate] of left.entries()) {
      const fills = candidate.fills.filter((c) => open.has(cellKey(c)));
      if (fills.length === 0) continue;
      const better =
        !best || fills.length > best.fills.length || (fills.length === best.fills.length && compareFrench(candidate.pole.name, best.candidate.pole.name) < 0);
      if (better) best = { candidate, fills, index };
    }
    if (!best) break;
    const { candidate, fills, index } = best;
    chosen.push({ pole: candidate.pole, fills });
    for (const c of fills) open.delete(cellKey(c));
    left.splice(index, 1);
  }
  return chosen;
}
