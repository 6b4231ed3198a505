import { FunderLevel } from '../vocabulary/funding.js';
import { median } from './median.js';

export interface CountedFundingLine {
  projectId: string;
  level: FunderLevel;
  amountCents: number;
}

export interface FundingTableFigures {
  rows: { level: FunderLevel; totalCents: number; projectCount: number; medianCents: number | null }[];
  total: { totalCents: number; projectCount: number; medianCents: number | null };
}

function perProjectSums(lines: readonly CountedFundingLine[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const line of lines) sums.set(line.projectId, (sums.get(line.projectId) ?? 0) + line.amountCents);
  return sums;
}

/**
 * The study's funding table from funding lines already restricted to the period and the counted statuses:
 * per funder level, the total, the number of projects supported and the median over those projects of what
 * each received from that level; then the same over all levels. Every level gets a row, in vocabulary order.
 */
export function fundingTable(lines: readonly CountedFundingLine[]): FundingTableFigures {
  const rows = FunderLevel.keys.map((level) => {
    const sums = [...perProjectSums(lines.filter((line) => line.level === level)).values()];
    return { level, totalCents: sums.reduce((a, b) => a + b, 0), projectCount: sums.length, medianCents: median(sums) };
  });
  const all = [...perProjectSums(lines).values()];
  return { rows, total: { totalCents: all.reduce((a, b) => a + b, 0), projectCount: all.length, medianCents: median(all) } };
}

/** Share of `part` in `whole`, or null when `whole` is 0 (no data rather than 0 %). */
export const shareOf = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);
