import { isSafeHref } from '@concerto/collab';
import {
  type GuideReferenceFilter,
  type GuideView,
  Lever,
  type Locale,
  type ResolvedReference,
  SupportStage,
  labelOf,
  withoutControlCharacters,
} from '@concerto/domain';

/** The words of the guide's outputs (DOCX, PDF, public page), French first. */
export const GUIDE_WORDS = {
  fr: {
    guide: 'Guide d’appui',
    contents: 'Sommaire',
    frozen: (date: string) => `Version figée le ${date}`,
    live: (date: string) => `État au ${date}`,
    readAt: (date: string) => `Chiffres lus le ${date}`,
    missing: 'Élément indisponible : il a été supprimé, ou il n’est pas accessible.',
    spaces: 'Espaces',
    page: (n: number, total: number) => `Page ${n} sur ${total}`,
    fundingCaption: (period: string) => `Montants mobilisés par niveau de collectivité, ${period}`,
    period: (from: number | string, to: number | string) => `de ${from} à ${to}`,
    allYears: 'toutes années',
    level: 'Collectivités',
    total: 'Montants mobilisés',
    projects: 'Nb projets soutenus',
    median: 'Montant médian',
    totalRow: 'Total',
    chart: 'Montants mobilisés par niveau de collectivité',
    keyFigures: 'Chiffres clés des pôles',
    figure: 'Indicateur',
    value: 'Valeur',
    poles: 'Pôles',
    jobs: 'Emplois',
    enterprises: 'Entreprises',
    consolidatedBudget: 'Budget consolidé',
    mobilised: 'Montants mobilisés',
    profiles: 'Profils médians',
    cellAge: 'Âge d’une cellule d’animation (ans)',
    cellBudget: 'Budget d’une cellule d’animation',
    selfFinanced: 'Part autofinancée d’une cellule d’animation',
    fte: 'ETP d’une cellule d’animation',
    memberStructures: 'Structures membres d’un pôle',
    employees: 'Salariés d’un pôle',
    poleBudget: 'Budget consolidé d’un pôle',
    count: 'Effectif (n)',
    noData: 'Pas de données',
    presence: 'Présence de chaque niveau de collectivité auprès des pôles',
    share: 'Part des pôles',
    twoToSix: (share: string) => `Part des pôles liés à 2 à 6 collectivités : ${share}.`,
    medianCollectivites: (value: string) => `Nombre médian de collectivités par pôle : ${value}.`,
    criterion: 'Critère',
    status: 'Statut',
    pole: 'Pôle',
    collectivites: 'Collectivités',
    stages: 'Étapes',
    levers: 'Leviers',
    figures: 'Chiffres clés',
    readOn: 'lu le',
    typed: 'saisi',
    decided: (by: string, date: string) => `décidée par ${by} le ${date}`,
    levels: 'Niveaux visés',
    supporting: 'Témoignages à l’appui',
    supportingSections: 'Sections du diagnostic à l’appui',
    rationale: 'Justification',
    filter: { stage: 'Étape', lever: 'Levier' },
    none: 'aucun',
    colon: ' : ',
  },
  en: {
    guide: 'Support guide',
    contents: 'Contents',
    frozen: (date: string) => `Version frozen on ${date}`,
    live: (date: string) => `As of ${date}`,
    readAt: (date: string) => `Figures read on ${date}`,
    missing: 'Item unavailable: it was deleted, or it is not accessible.',
    spaces: 'Spaces',
    page: (n: number, total: number) => `Page ${n} of ${total}`,
    fundingCaption: (period: string) => `Amounts mobilised by local authority level, ${period}`,
    period: (from: number | string, to: number | string) => `from ${from} to ${to}`,
    allYears: 'all years',
    level: 'Local authorities',
    total: 'Amounts mobilised',
    projects: 'Projects supported',
    median: 'Median amount',
    totalRow: 'Total',
    chart: 'Amounts mobilised by local authority level',
    keyFigures: 'Key figures of the hubs',
    figure: 'Indicator',
    value: 'Value',
    poles: 'Hubs',
    jobs: 'Jobs',
    enterprises: 'Enterprises',
    consolidatedBudget: 'Consolidated budget',
    mobilised: 'Amounts mobilised',
    profiles: 'Median profiles',
    cellAge: 'Age of a coordination team (years)',
    cellBudget: 'Budget of a coordination team',
    selfFinanced: 'Self-financed share of a coordination team',
    fte: 'FTE of a coordination team',
    memberStructures: 'Member organisations of a hub',
    employees: 'Employees of a hub',
    poleBudget: 'Consolidated budget of a hub',
    count: 'Count (n)',
    noData: 'No data',
    presence: 'Presence of each local authority level with the hubs',
    share: 'Share of hubs',
    twoToSix: (share: string) => `Share of hubs linked to 2 to 6 local authorities: ${share}.`,
    medianCollectivites: (value: string) => `Median number of local authorities per hub: ${value}.`,
    criterion: 'Criterion',
    status: 'Status',
    pole: 'Hub',
    collectivites: 'Local authorities',
    stages: 'Stages',
    levers: 'Levers',
    figures: 'Key figures',
    readOn: 'read on',
    typed: 'typed',
    decided: (by: string, date: string) => `decided by ${by} on ${date}`,
    levels: 'Levels aimed at',
    supporting: 'Supporting testimonies',
    supportingSections: 'Supporting diagnostic sections',
    rationale: 'Rationale',
    filter: { stage: 'Stage', lever: 'Lever' },
    none: 'none',
    colon: ': ',
  },
} as const;

export type GuideWords = (typeof GUIDE_WORDS)[Locale];

const LONE_SURROGATES = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * User text made inert for every output: control characters and bidi overrides removed (Word XML refuses the
 * former, the latter spoof text), lone surrogates and XML's non-characters replaced by U+FFFD. Escaping for HTML
 * or XML is each renderer's (or its library's) job on top of this.
 */
export function inert(text: string): string {
  return withoutControlCharacters(text)
    .replace(LONE_SURROGATES, '\ufffd')
    .replace(/[\ufffe\uffff]/g, '\ufffd');
}

/** A link target an output may carry (http, https, mailto), cleaned; null for anything else (`javascript:`…). */
export function safeHref(href: string | null): string | null {
  if (href === null) return null;
  const clean = inert(href).trim();
  return isSafeHref(clean) ? clean : null;
}

const numberLocale = (locale: Locale) => (locale === 'fr' ? 'fr-FR' : 'en-GB');

// Intl formatters are costly to build: one per locale and options, built at first use.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function formatter<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, build: () => F): F {
  let known = formatters.get(key) as F | undefined;
  if (!known) formatters.set(key, (known = build()));
  return known;
}

/** A number the reader's way: « 12 500,5 » in French (narrow no-break spaces between groups). */
export function formatNumber(value: number, locale: Locale, maximumFractionDigits = 1): string {
  return formatter(`n:${locale}:${maximumFractionDigits}`, () => new Intl.NumberFormat(numberLocale(locale), { maximumFractionDigits })).format(value);
}

/** Integer euro cents as whole euros: « 1 234 567 € ». */
export function formatEuros(cents: number, locale: Locale): string {
  const euros = formatter(`e:${locale}`, () => new Intl.NumberFormat(numberLocale(locale), { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }));
  return euros.format(Math.round(cents / 100));
}

/** A share between 0 and 1 as a percentage: « 42 % ». */
export function formatShare(share: number | null, locale: Locale): string {
  if (share === null) return '—';
  return formatter(`p:${locale}`, () => new Intl.NumberFormat(numberLocale(locale), { style: 'percent', maximumFractionDigits: 0 })).format(share);
}

/** A date and time as read in France (Europe/Paris), whatever the server's time zone: « 5 décembre 2026 à 17:05 ». */
export function formatDateTime(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return inert(iso);
  const format = formatter(
    `dt:${locale}`,
    () => new Intl.DateTimeFormat(numberLocale(locale), { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' }),
  );
  return format.format(date);
}

/** A date as read in France: « 5 décembre 2026 ». */
export function formatDate(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return inert(iso);
  return formatter(`d:${locale}`, () => new Intl.DateTimeFormat(numberLocale(locale), { dateStyle: 'long', timeZone: 'Europe/Paris' })).format(date);
}

/** « Version figée le … » for a version, « État au … » for the live guide. */
export function guideDateLine(view: GuideView, locale: Locale): string {
  const w = GUIDE_WORDS[locale];
  return view.frozenAt ? w.frozen(formatDateTime(view.frozenAt, locale)) : w.live(formatDateTime(view.builtAt, locale));
}

/** The guide's title, cleaned (« Guide » when it is blank). */
export function guideTitle(view: GuideView): string {
  return inert(view.title.trim() || 'Guide');
}

/** What every output puts on the guide's cover: its title (cleaned), its spaces, the version's name, its date line. */
export function guideCover(view: GuideView, locale: Locale): { title: string; spaces: string | null; version: string | null; date: string } {
  return {
    title: guideTitle(view),
    spaces: view.spaces.length > 0 ? view.spaces.map((s) => s.name).join(', ') : null,
    version: view.versionName || null,
    date: guideDateLine(view, locale),
  };
}

/** The filter line of a list reference (testimonies, recommendations, analyses), or null. */
export function referenceFilter(ref: ResolvedReference, locale: Locale): string | null {
  return 'filter' in ref ? filterLine(ref.filter, locale) : null;
}

/** « Étape : Accompagnement » for a reference's filter, or null. */
export function filterLine(filter: GuideReferenceFilter | null, locale: Locale): string | null {
  if (!filter) return null;
  const w = GUIDE_WORDS[locale];
  const [kind, key] = filter.split(':') as ['stage' | 'lever', string];
  const label =
    kind === 'stage'
      ? SupportStage.keys.includes(key as SupportStage) && labelOf(SupportStage, key as SupportStage, locale)
      : Lever.keys.includes(key as Lever) && labelOf(Lever, key as Lever, locale);
  return label ? `${w.filter[kind]}${w.colon}${label}` : null;
}

/**
 * The level of a heading written in rich text (1–4; editors use 2–4) inside a container whose own title is at
 * `container` (1 for a section): its first levels sit right below the container's title, so no level is skipped.
 */
export function contentHeadingLevel(container: number, written: number): number {
  return container + Math.max(1, written - 1);
}
