import {
  CollectiviteLevel,
  FUNDER_LEVEL_ROW_LABELS,
  type FundingTableView,
  type GuidePole,
  type GuideRecommendation,
  type GuideTestimony,
  Lever,
  type Locale,
  type MedianFigure,
  type PanoramaView,
  RecommendationStatus,
  SupportStage,
  TestimonyStatus,
  labelOf,
} from '@concerto/domain';
import { GUIDE_WORDS, formatDateTime, formatEuros, formatNumber, formatShare, inert } from './guide-wording.js';

/**
 * What the three outputs show of a reference, worded once: tables (a caption, column headings, rows with a row
 * heading, an optional total row), labelled facts and bars. Every string is already inert (see `inert`).
 */
export interface FigureTable {
  caption: string;
  head: string[];
  rows: { header: string; cells: string[] }[];
  foot: { header: string; cells: string[] } | null;
  /** Whether the data cells are figures (aligned right). */
  numeric: boolean;
}

export interface Fact {
  label: string;
  value: string;
}

export interface Bar {
  label: string;
  value: number;
  text: string;
}

/** The study's funding table: amounts mobilised, projects supported and median amount per level. */
export function fundingTable(table: FundingTableView, locale: Locale): FigureTable {
  const w = GUIDE_WORDS[locale];
  const { from, to } = table.period;
  const period = from !== null || to !== null ? w.period(from ?? '…', to ?? '…') : w.allYears;
  const euros = (cents: number | null) => (cents === null ? '—' : formatEuros(cents, locale));
  return {
    caption: w.fundingCaption(period),
    head: [w.level, w.total, w.projects, w.median],
    rows: table.rows.map((row) => ({
      header: FUNDER_LEVEL_ROW_LABELS[row.level]?.[locale] ?? inert(row.level),
      cells: [euros(row.totalCents), formatNumber(row.projectCount, locale), euros(row.medianCents)],
    })),
    foot: { header: w.totalRow, cells: [euros(table.total.totalCents), formatNumber(table.total.projectCount, locale), euros(table.total.medianCents)] },
    numeric: true,
  };
}

/** The bars of the funding chart: the total of each level. */
export function fundingBars(table: FundingTableView, locale: Locale): Bar[] {
  return table.rows.map((row) => ({
    label: FUNDER_LEVEL_ROW_LABELS[row.level]?.[locale] ?? inert(row.level),
    value: Math.max(0, row.totalCents),
    text: formatEuros(row.totalCents, locale),
  }));
}

/** The panorama's key figures, median profiles and level presence, and its two summary sentences. */
export function panoramaFigures(p: PanoramaView, locale: Locale): { tables: FigureTable[]; lines: string[] } {
  const w = GUIDE_WORDS[locale];
  const euros = (cents: number) => formatEuros(cents, locale);
  const number = (value: number) => formatNumber(value, locale);
  const median = (label: string, figure: MedianFigure, format: (value: number) => string) => ({
    header: label,
    cells: [figure.median === null ? w.noData : format(figure.median), formatNumber(figure.count, locale)],
  });
  const keyFigures: FigureTable = {
    caption: w.keyFigures,
    head: [w.figure, w.value],
    rows: [
      { header: w.poles, cells: [number(p.totals.poles)] },
      { header: w.jobs, cells: [number(p.totals.jobs)] },
      { header: w.enterprises, cells: [number(p.totals.enterprises)] },
      { header: w.consolidatedBudget, cells: [euros(p.totals.consolidatedBudgetCents)] },
      { header: w.mobilised, cells: [euros(p.totals.mobilisedCents)] },
    ],
    foot: null,
    numeric: true,
  };
  const profiles: FigureTable = {
    caption: w.profiles,
    head: [w.figure, w.median, w.count],
    rows: [
      median(w.cellAge, p.cellProfile.ageYears, number),
      median(w.cellBudget, p.cellProfile.budgetCents, euros),
      median(w.selfFinanced, p.cellProfile.selfFinancedPercent, (v) => formatShare(v / 100, locale)),
      median(w.fte, p.cellProfile.fte, number),
      median(w.memberStructures, p.poleProfile.memberStructures, number),
      median(w.employees, p.poleProfile.employees, number),
      median(w.poleBudget, p.poleProfile.consolidatedBudgetCents, euros),
    ],
    foot: null,
    numeric: true,
  };
  const presence: FigureTable = {
    caption: w.presence,
    head: [w.level, w.poles, w.share],
    rows: p.levelPresence.map((row) => ({
      header: FUNDER_LEVEL_ROW_LABELS[row.level]?.[locale] ?? inert(row.level),
      cells: [number(row.poles), formatShare(row.share, locale)],
    })),
    foot: null,
    numeric: true,
  };
  const lines = [w.twoToSix(formatShare(p.twoToSixShare, locale))];
  if (p.medianCollectivites !== null) lines.push(w.medianCollectivites(number(p.medianCollectivites)));
  return { tables: presence.rows.length > 0 ? [keyFigures, profiles, presence] : [keyFigures, profiles], lines };
}

/** A pole's grid facts as a two-column table. */
export function poleTable(pole: GuidePole, locale: Locale): FigureTable {
  const w = GUIDE_WORDS[locale];
  return {
    caption: inert(pole.territory ? `${pole.name} — ${pole.territory}` : pole.name),
    head: [w.criterion, w.value],
    rows: pole.facts.map((fact) => ({ header: inert(fact.label), cells: [inert(fact.value)] })),
    foot: null,
    numeric: false,
  };
}

const list = (values: string[], locale: Locale) => (values.length === 0 ? GUIDE_WORDS[locale].none : values.join(' ; '));

/** Status, pole, collectivités with their stages, and levers of a testimony. */
export function testimonyFacts(t: GuideTestimony, locale: Locale): Fact[] {
  const w = GUIDE_WORDS[locale];
  const collectivites = t.collectivites.map((c) => {
    const level = c.level ? ` (${labelOf(CollectiviteLevel, c.level, locale)})` : '';
    const stages = c.stages.length > 0 ? ` — ${c.stages.map((s) => labelOf(SupportStage, s, locale)).join(', ')}` : '';
    return `${inert(c.name)}${level}${stages}`;
  });
  return [
    { label: w.status, value: labelOf(TestimonyStatus, t.status, locale) },
    { label: w.pole, value: inert(t.pole.territory ? `${t.pole.name} — ${t.pole.territory}` : t.pole.name) },
    { label: w.collectivites, value: list(collectivites, locale) },
    {
      label: w.levers,
      value: list(
        t.levers.map((l) => labelOf(Lever, l, locale)),
        locale,
      ),
    },
  ];
}

/** A testimony's key figures (typed ones, and live ones with when they were read), or null without any. */
export function testimonyFigures(t: GuideTestimony, locale: Locale): FigureTable | null {
  if (t.figures.length === 0) return null;
  const w = GUIDE_WORDS[locale];
  return {
    caption: `${w.figures} — ${inert(t.title)}`,
    head: [w.figure, w.value, w.readOn],
    rows: t.figures.map((f) => ({
      header: inert(f.label),
      cells: [`${formatNumber(f.value, locale, 2)}${f.unit ? `\u00a0${inert(f.unit)}` : ''}`, f.readAt ? formatDateTime(f.readAt, locale) : w.typed],
    })),
    foot: null,
    numeric: true,
  };
}

/** A testimony's quote in French quotation marks, and who said it (« — Marie Dupont, chargée de mission »). */
export function quoteLines(q: GuideTestimony['quotes'][number]): { text: string; by: string } {
  return { text: `« ${q.text} »`, by: `— ${[q.author, q.role].filter(Boolean).join(', ')}` };
}

/** Rationale (when written), status (with who decided and when), levers, stages, levels and supporting testimonies of a recommendation. */
export function recommendationFacts(r: GuideRecommendation, locale: Locale): Fact[] {
  const w = GUIDE_WORDS[locale];
  const status = labelOf(RecommendationStatus, r.status, locale);
  const levels = r.levels.map((l) =>
    CollectiviteLevel.keys.includes(l as CollectiviteLevel) ? labelOf(CollectiviteLevel, l as CollectiviteLevel, locale) : inert(l),
  );
  return [
    ...(r.rationale ? [{ label: w.rationale, value: inert(r.rationale) }] : []),
    // In a cross-pole guide, the pole it comes from first.
    ...(r.space ? [{ label: w.pole, value: inert(r.space) }] : []),
    { label: w.status, value: r.decided ? `${status}, ${w.decided(inert(r.decided.by), formatDateTime(r.decided.at, locale))}` : status },
    {
      label: w.levers,
      value: list(
        r.levers.map((l) => labelOf(Lever, l, locale)),
        locale,
      ),
    },
    {
      label: w.stages,
      value: list(
        r.stages.map((s) => labelOf(SupportStage, s, locale)),
        locale,
      ),
    },
    { label: w.levels, value: list(levels, locale) },
    { label: w.supporting, value: list(r.testimonies.map(inert), locale) },
    ...(r.sections.length ? [{ label: w.supportingSections, value: list(r.sections.map(inert), locale) }] : []),
  ];
}
