import { CollectiviteLevel, FunderLevel, type FundingTableView, type ObservatoryQuery, type PanoramaView, shareOf } from '@concerto/domain';
import type { FundingLevelFigures } from './observatory.repository.js';
import type { CollectiviteCountRow, PoleProfile } from './panorama.repository.js';

/** Every funder level has its row, zero when nothing was counted for it; the total row comes last. */
export function fundingTableView(query: ObservatoryQuery, figures: FundingLevelFigures[]): FundingTableView {
  const byLevel = new Map(figures.filter((f) => f.level).map((f) => [f.level!, f]));
  const total = figures.find((f) => f.level === null)!;
  return {
    period: { from: query.from ?? null, to: query.to ?? null },
    rows: FunderLevel.keys.map((level) => {
      const row = byLevel.get(level);
      return { level, totalCents: row?.totalCents ?? 0, projectCount: row?.projectCount ?? 0, medianCents: row?.medianCents ?? null };
    }),
    total: { totalCents: total.totalCents, projectCount: total.projectCount, medianCents: total.medianCents },
  };
}

export interface PanoramaFigures {
  profile: PoleProfile;
  presence: { level: string; poles: number }[];
  counts: CollectiviteCountRow[];
  relations: PanoramaView['relations'];
}

/** Shares are of the poles in scope; the presence lists every collectivité level (only the one asked for, if any). */
export function panoramaView(query: ObservatoryQuery, { profile, presence, counts, relations }: PanoramaFigures): PanoramaView {
  const { poles, medians } = profile;
  const presenceOf = new Map(presence.map((r) => [r.level, r.poles]));
  const twoToSix = counts.filter((c) => c.collectivites >= 2 && c.collectivites <= 6).reduce((sum, c) => sum + c.poles, 0);
  return {
    totals: {
      poles,
      jobs: profile.jobs,
      enterprises: profile.enterprises,
      consolidatedBudgetCents: profile.consolidatedBudgetCents,
      mobilisedCents: profile.mobilisedCents,
    },
    cellProfile: { ageYears: medians.ageYears, budgetCents: medians.budgetCents, selfFinancedPercent: medians.selfFinancedPercent, fte: medians.fte },
    poleProfile: { memberStructures: medians.memberStructures, employees: medians.employees, consolidatedBudgetCents: medians.consolidatedBudgetCents },
    levelPresence: CollectiviteLevel.keys
      .filter((level) => !query.level || query.level === level)
      .map((level) => ({ level, poles: presenceOf.get(level) ?? 0, share: shareOf(presenceOf.get(level) ?? 0, poles) })),
    collectiviteCounts: counts.map(({ collectivites, poles: n }) => ({ collectivites, poles: n })),
    twoToSixShare: shareOf(twoToSix, poles),
    medianCollectivites: counts[0]?.median ?? null,
    relations,
  };
}
