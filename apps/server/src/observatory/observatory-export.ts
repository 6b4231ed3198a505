import { FUNDER_LEVEL_ROW_LABELS, type FundingTableView, type PanoramaView, FunderLevel, RelationEvolution, labelOf, toCsv } from '@concerto/domain';

const euros = (cents: number | null) => (cents === null ? null : Math.round(cents) / 100);

export function fundingTableCsv(table: FundingTableView): string {
  return toCsv(
    ['niveau', 'collectivites', 'montants_mobilises_euros', 'nb_projets_soutenus', 'montant_median_euros'],
    [
      ...table.rows.map((r) => [r.level, FUNDER_LEVEL_ROW_LABELS[r.level].fr, euros(r.totalCents), r.projectCount, euros(r.medianCents)]),
      ['total', 'Total', euros(table.total.totalCents), table.total.projectCount, euros(table.total.medianCents)],
    ],
  );
}

/** The panorama as long-format rows (figure, key, value, count), readable by any spreadsheet or open-data portal. */
export function panoramaCsv(view: PanoramaView): string {
  const rows: (string | number | null)[][] = [
    ['total', 'poles', view.totals.poles, null],
    ['total', 'emplois', view.totals.jobs, null],
    ['total', 'entreprises', view.totals.enterprises, null],
    ['total', 'budget_consolide_euros', euros(view.totals.consolidatedBudgetCents), null],
    ['total', 'montants_mobilises_euros', euros(view.totals.mobilisedCents), null],
    ['cellule_mediane', 'age_annees', view.cellProfile.ageYears.median, view.cellProfile.ageYears.count],
    ['cellule_mediane', 'budget_euros', euros(view.cellProfile.budgetCents.median), view.cellProfile.budgetCents.count],
    ['cellule_mediane', 'part_autofinancee_pourcent', view.cellProfile.selfFinancedPercent.median, view.cellProfile.selfFinancedPercent.count],
    ['cellule_mediane', 'etp', view.cellProfile.fte.median, view.cellProfile.fte.count],
    ['pole_median', 'structures_membres', view.poleProfile.memberStructures.median, view.poleProfile.memberStructures.count],
    ['pole_median', 'salaries', view.poleProfile.employees.median, view.poleProfile.employees.count],
    ['pole_median', 'budget_consolide_euros', euros(view.poleProfile.consolidatedBudgetCents.median), view.poleProfile.consolidatedBudgetCents.count],
    ...view.levelPresence.map((p) => ['presence', labelOf(FunderLevel, p.level), p.share, p.poles]),
    ...view.collectiviteCounts.map((c) => ['collectivites_par_pole', String(c.collectivites), c.poles, null]),
    ['collectivites_par_pole', '2_a_6_part', view.twoToSixShare, null],
    ...view.relations.byYear.flatMap((y) => RelationEvolution.keys.map((e) => [`relations_${y.year}`, labelOf(RelationEvolution, e), y[e], null])),
    ...view.relations.weakeningCauses.map((c) => ['fragilisation_cause', c.cause, c.count, null]),
  ];
  return toCsv(['figure', 'cle', 'valeur', 'n'], rows);
}

export interface OpenFundingLine {
  pole: string;
  territory: string;
  project: string;
  funder: string;
  funder_level: string;
  year: number;
  amount_euros: number;
  kind: string;
  instrument: string;
  status: string;
}

export function fundingLinesCsv(lines: OpenFundingLine[]): string {
  const header = ['pole', 'territoire', 'projet', 'financeur', 'niveau', 'annee', 'montant_euros', 'nature', 'instrument', 'statut'];
  return toCsv(
    header,
    lines.map((l) => [l.pole, l.territory, l.project, l.funder, l.funder_level, l.year, l.amount_euros, l.kind, l.instrument, l.status]),
  );
}
