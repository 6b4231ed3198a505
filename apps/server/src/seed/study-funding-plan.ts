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

/**
 * The largest median that `projects` positive amounts summing to `totalCents` can have, when the lower half
 * averages `lowCents`: the upper half (from the middle) must each be at least the median.
 */
function feasibleMedian(totalCents: number, projects: number, lowCents: number, medianCents: number): number {
  const low = Math.floor((projects - 1) / 2); // values strictly below the middle one(s)
  const atLeastMedian = projects - low;
  return Math.min(medianCents, Math.floor((totalCents - low * lowCents) / atLeastMedian));
}

/**
 * Amounts per project (cents) for one level such that their sum is `totalCents`, their count `projects` and their
 * median `medianCents` — exactly, whenever the three are compatible. Values are spread around the median so that
 * the data look like real grants: below it `low` values between 50 % and 150 % of `lowCents`, above it values
 * from the median upwards.
 *
 * The study's own Communes row (246 k€, 16 projects, median 30 k€) is not compatible: with 16 amounts the 9 from
 * the 8th one up are at least 30 k€ whenever the median is 30 k€, i.e. 270 k€ or more. There the total and the
 * count are kept, the lower half made small, and the median is the largest one possible (see `feasibleMedian`).
 */
export function fundingPlan(totalCents: number, projects: number, medianCents: number): number[] {
  let lowCents = Math.round(Math.min(medianCents / 2, totalCents / projects / 4));
  if (feasibleMedian(totalCents, projects, lowCents, medianCents) < medianCents) lowCents = Math.round(medianCents / 20);
  const median = feasibleMedian(totalCents, projects, lowCents, medianCents);
  const lowCount = Math.floor((projects - 1) / 2);
  const middles = projects % 2 === 1 ? 1 : 2;
  const highCount = projects - lowCount - middles;
  const low = Array.from({ length: lowCount }, (_, i) => Math.round(lowCents * (0.5 + (lowCount === 1 ? 0.5 : i / (lowCount - 1)))));
  const rest = totalCents - low.reduce((a, b) => a + b, 0) - middles * median;
  // Above the median: median + extra, extras growing linearly and summing to what is left.
  const weights = Array.from({ length: highCount }, (_, i) => i + 1);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const high = weights.map((w) => median + Math.floor(((rest - highCount * median) * w) / Math.max(weightSum, 1)));
  const values = [...low, ...Array(middles).fill(median), ...high];
  values[values.length - 1] += totalCents - values.reduce((a, b) => a + b, 0);
  return values;
}

/** Per level, what each supported project receives (cents); project i of every level is the same project. */
export function studyFundingPlan(): { level: FunderLevel; amounts: number[] }[] {
  return STUDY_FUNDING_TABLE.map((row) => ({ level: row.level, amounts: fundingPlan(row.totalK * 100_000, row.projects, row.medianK * 100_000) }));
}
