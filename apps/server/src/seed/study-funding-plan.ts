import type { FunderLevel } from '@concerto/domain';

/** The study's "Repères" funding table (k€), as published. */
export const STUDY_FUNDING_TABLE: { level: FunderLevel; totalK: number; projects: number; medianK: number }[] = [
  { level: 'commune', totalK: 246, projects: 16, medianK: 30 },
  { level: 'epci', totalK: 796, projects: 20, medianK: 17 },
  { level: 'department', totalK: 333, projects: 15, medianK: 28 },
  { level: 'region', totalK: 1239, projects: 29, medianK: 10 },
  { level: 'state', totalK: 1008, projects: 24, medianK: 33 },
  { level: 'europe', totalK: 776, projects: 7, medianK: 70 },
];

/** The smallest step of a seeded amount: 500 €. Amounts of 5 000 € or more are whole thousands, of 20 000 € or more multiples of 5 000 €, but the last one. */
export const ROUND_STEP_CENTS = 50_000;
const K = 100_000;

/** `value` rounded down to the step a study would write it with (500 €, 1 000 € from 5 k€, 5 000 € from 20 k€). */
function roundDown(value: number): number {
  const step = value >= 20 * K ? 5 * K : value >= 5 * K ? K : ROUND_STEP_CENTS;
  return Math.max(ROUND_STEP_CENTS, Math.floor(value / step) * step);
}

/**
 * The amounts below the median: `count` values from about `lowShare × 30 %` to `lowShare × 90 %` of the median,
 * each rounded down (so never above the median).
 */
function lowValues(count: number, medianCents: number, lowShare: number): number[] {
  return Array.from({ length: count }, (_, i) => {
    const share = lowShare * (0.3 + (count === 1 ? 0.3 : (0.6 * i) / (count - 1)));
    return Math.min(medianCents, roundDown(medianCents * share));
  });
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/**
 * Amounts per project (cents) for one level, in round figures as a study gives them, such that their sum is
 * `totalCents`, their count `projects` and their median `medianCents` — exactly, whenever the three are compatible
 * (the total and the median in whole thousands of euros). A small deterministic construction:
 * - below the median, `⌊(n−1)/2⌋` amounts rising from about 30 % to 90 % of it (scaled down while the rest could not
 *   reach the median);
 * - the median itself once (odd count) or twice (even count: both middle values are the median);
 * - above it, the median plus shares of what is left growing linearly, each rounded down (5 000 € steps above
 *   20 k€), the largest amount taking what rounding left over, so the sum is exact.
 *
 * The study's own Communes row (246 k€, 16 projects, median 30 k€) is not compatible: with 16 amounts the 9 from
 * the 8th one up are at least 30 k€ whenever the median is 30 k€, i.e. 270 k€ or more. There the total and the
 * count are kept, the lower half made small (500 € steps), and the median is the largest whole thousand possible.
 */
export function fundingPlan(totalCents: number, projects: number, medianCents: number): number[] {
  const lowCount = Math.floor((projects - 1) / 2);
  const middles = projects % 2 === 1 ? 1 : 2;
  const highCount = projects - lowCount - middles;
  const fits = (low: number[], median: number) => totalCents - sum(low) - middles * median >= highCount * median;
  let share = 1;
  let low = lowValues(lowCount, medianCents, share);
  while (!fits(low, medianCents) && share > 0.05) {
    share *= 0.9;
    low = lowValues(lowCount, medianCents, share);
  }
  let median = medianCents;
  if (!fits(low, median)) {
    // Incompatible row: the smallest lower half (500 €, 1 000 €, …), then the largest median in whole thousands.
    low = Array.from({ length: lowCount }, (_, i) => ROUND_STEP_CENTS * (1 + Math.floor(i / 2)));
    median = Math.floor((totalCents - sum(low)) / (projects - lowCount) / K) * K;
  }
  const rest = totalCents - sum(low) - middles * median;
  const extra = rest - highCount * median;
  const weightSum = (highCount * (highCount + 1)) / 2;
  const high = Array.from({ length: highCount }, (_, i) => Math.max(median, roundDown(median + (extra * (i + 1)) / weightSum)));
  const values = [...low, ...Array<number>(middles).fill(median), ...high];
  values[values.length - 1] += totalCents - sum(values);
  return values;
}

/** Per level, what each supported project receives (cents), smallest first; project i of every level is the same project. */
export function studyFundingPlan(): { level: FunderLevel; amounts: number[] }[] {
  return STUDY_FUNDING_TABLE.map((row) => ({ level: row.level, amounts: fundingPlan(row.totalK * K, row.projects, row.medianK * K) }));
}
