import {
  FUNDER_LEVEL_ROW_LABELS,
  type FundingTableView,
  type PanoramaView,
  FunderLevel,
  FundingKind,
  FundingStatus,
  RelationEvolution,
  type Vocabulary,
  csvEuros,
  departementName,
  regionName,
  csvRate,
  labelOf,
  toCsv,
} from '@concerto/domain';

/*
 * Open-data files follow the product's CSV conventions (`toCsv`: `;`, UTF-8 with BOM, CRLF, decimal comma): amounts
 * in euros with two decimals, rates between 0 and 1, and every coded value as a code column followed by its French label.
 */

/** The French label of a code, or the code itself when it is not one of the vocabulary's (never fails on old data). */
const frenchLabel = <K extends string>(vocabulary: Vocabulary<K>, code: string): string =>
  (vocabulary.keys as readonly string[]).includes(code) ? labelOf(vocabulary, code as K) : code;

export function fundingTableCsv(table: FundingTableView): string {
  return toCsv(
    ['niveau', 'collectivites', 'montants_mobilises_euros', 'nb_projets_soutenus', 'montant_median_euros'],
    [
      ...table.rows.map((r) => [r.level, FUNDER_LEVEL_ROW_LABELS[r.level].fr, csvEuros(r.totalCents), r.projectCount, csvEuros(r.medianCents)]),
      ['total', 'Total', csvEuros(table.total.totalCents), table.total.projectCount, csvEuros(table.total.medianCents)],
    ],
  );
}

/** The panorama as long-format rows (figure, key, its label, value, count), readable by any spreadsheet or open-data portal. */
export function panoramaCsv(view: PanoramaView): string {
  const rows: (string | number | null)[][] = [
    ['total', 'poles', 'Pôles', view.totals.poles, null],
    ['total', 'emplois', 'Emplois', view.totals.jobs, null],
    ['total', 'entreprises', 'Entreprises', view.totals.enterprises, null],
    ['total', 'budget_consolide_euros', 'Budget consolidé (€)', csvEuros(view.totals.consolidatedBudgetCents), null],
    ['total', 'montants_mobilises_euros', 'Montants mobilisés (€)', csvEuros(view.totals.mobilisedCents), null],
    ['cellule_mediane', 'age_annees', 'Âge de la cellule d’animation (années)', view.cellProfile.ageYears.median, view.cellProfile.ageYears.count],
    [
      'cellule_mediane',
      'budget_euros',
      'Budget de la cellule d’animation (€)',
      csvEuros(view.cellProfile.budgetCents.median),
      view.cellProfile.budgetCents.count,
    ],
    [
      'cellule_mediane',
      'part_autofinancee_pourcent',
      'Part autofinancée (%)',
      view.cellProfile.selfFinancedPercent.median,
      view.cellProfile.selfFinancedPercent.count,
    ],
    ['cellule_mediane', 'etp', 'Équivalents temps plein', view.cellProfile.fte.median, view.cellProfile.fte.count],
    ['pole_median', 'structures_membres', 'Structures membres', view.poleProfile.memberStructures.median, view.poleProfile.memberStructures.count],
    ['pole_median', 'salaries', 'Salariés', view.poleProfile.employees.median, view.poleProfile.employees.count],
    [
      'pole_median',
      'budget_consolide_euros',
      'Budget consolidé (€)',
      csvEuros(view.poleProfile.consolidatedBudgetCents.median),
      view.poleProfile.consolidatedBudgetCents.count,
    ],
    ...view.levelPresence.map((p) => ['presence', p.level, labelOf(FunderLevel, p.level), csvRate(p.share), p.poles]),
    ...view.collectiviteCounts.map((c) => ['collectivites_par_pole', String(c.collectivites), `${c.collectivites} collectivité(s)`, c.poles, null]),
    ['collectivites_par_pole', '2_a_6_part', 'Part des pôles liés à 2 à 6 collectivités', csvRate(view.twoToSixShare), null],
    ...view.relations.byYear.flatMap((y) => RelationEvolution.keys.map((e) => [`relations_${y.year}`, e, labelOf(RelationEvolution, e), y[e], null])),
    ...view.relations.weakeningCauses.map((c) => ['fragilisation_cause', c.cause, c.cause, c.count, null]),
  ];
  return toCsv(['figure', 'cle', 'libelle', 'valeur', 'n'], rows);
}

export interface OpenFundingLine {
  pole: string;
  territory: string;
  /** The pole's région and département (INSEE codes), null when its profile does not say. */
  region_code: string | null;
  departement_code: string | null;
  project: string;
  funder: string;
  funder_level: string;
  year: number;
  amount_euros: number;
  kind: string;
  instrument: string;
  status: string;
}

const FUNDING_LINES_HEADER = [
  'pole',
  'territoire',
  'region',
  'region_libelle',
  'departement',
  'departement_libelle',
  'projet',
  'financeur',
  'niveau',
  'niveau_libelle',
  'annee',
  'montant_euros',
  'nature',
  'nature_libelle',
  'instrument',
  'statut',
  'statut_libelle',
];

export function fundingLinesCsv(lines: OpenFundingLine[]): string {
  return toCsv(
    FUNDING_LINES_HEADER,
    lines.map((l) => [
      l.pole,
      l.territory,
      l.region_code,
      l.region_code && regionName(l.region_code),
      l.departement_code,
      l.departement_code && departementName(l.departement_code),
      l.project,
      l.funder,
      l.funder_level,
      frenchLabel(FunderLevel, l.funder_level),
      l.year,
      csvEuros(Math.round(l.amount_euros * 100)),
      l.kind,
      frenchLabel(FundingKind, l.kind),
      l.instrument,
      l.status,
      frenchLabel(FundingStatus, l.status),
    ]),
  );
}

/** The start of the open lines' file: the byte order mark and the header line. */
export const FUNDING_LINES_CSV_HEAD = fundingLinesCsv([]);

/**
 * The rows of `lines` alone, as they follow the head in the file: a file cut in parts (e.g. per space) is the head
 * then the parts, and reads as `fundingLinesCsv` of all the lines in the same order.
 */
export const fundingLinesCsvRows = (lines: OpenFundingLine[]): string => fundingLinesCsv(lines).slice(FUNDING_LINES_CSV_HEAD.length);
