import {
  ActivityNature,
  CollectiviteLevel,
  CollectiviteService,
  FunderLevel,
  type GuideBlock,
  type GuidePole,
  type GuideRecommendation,
  type GuideReferenceFilter,
  type GuideTestimony,
  Implantation,
  LegalForm,
  type Lever,
  type Locale,
  type LiveMeasure,
  Perimeter,
  type PoleView,
  PoleStage,
  type RecommendationView,
  Sector,
  StructureKind,
  type SupportStage,
  type TestimonyView,
  type Vocabulary,
  labelOf,
} from '@concerto/domain';

/**
 * Pure wording of what the guide shows: a pole's grid facts, a testimony, a recommendation, in the view's language,
 * and the stage / lever filters of list references.
 */

const FACTS = {
  fr: {
    collectivites: 'Collectivités mobilisées',
    services: 'Services mobilisés',
    legalForm: 'Forme juridique',
    stage: 'État d’avancement',
    perimeter: 'Périmètre',
    implantation: 'Implantation',
    members: 'Structures membres',
    kinds: 'Types de structures',
    sectors: 'Secteurs',
    natures: 'Nature des activités',
    founded: 'Année de création',
    employees: 'Emplois',
    budget: 'Budget consolidé',
  },
  en: {
    collectivites: 'Local authorities involved',
    services: 'Services involved',
    legalForm: 'Legal form',
    stage: 'Stage',
    perimeter: 'Perimeter',
    implantation: 'Setting',
    members: 'Member structures',
    kinds: 'Kinds of structures',
    sectors: 'Sectors',
    natures: 'Nature of activities',
    founded: 'Founded',
    employees: 'Jobs',
    budget: 'Consolidated budget',
  },
} as const;

const UNITS = {
  fr: { funding_total: '€', projects_count: 'projets', funders_count: 'financeurs' },
  en: { funding_total: '€', projects_count: 'projects', funders_count: 'funders' },
} as const satisfies Record<Locale, Record<LiveMeasure, string>>;

const numberFormat = (locale: Locale) => new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 0 });
const euros = (cents: number, locale: Locale) => `${numberFormat(locale).format(cents / 100)} €`;

/** The pole's grid as worded facts; empty entries are left out. */
export function guidePole(pole: PoleView, locale: Locale): GuidePole {
  const w = FACTS[locale];
  const facts: { label: string; value: string }[] = [];
  const add = (label: string, value: string | null | undefined) => {
    if (value) facts.push({ label, value });
  };
  const list = <K extends string>(vocabulary: Vocabulary<K>, keys: K[]) => keys.map((k) => labelOf(vocabulary, k, locale)).join(', ');
  add(w.collectivites, list(CollectiviteLevel, pole.collectiviteLevels));
  add(w.services, list(CollectiviteService, pole.collectiviteServices));
  add(w.legalForm, pole.legalForm && labelOf(LegalForm, pole.legalForm, locale));
  add(w.stage, pole.stage && labelOf(PoleStage, pole.stage, locale));
  add(w.perimeter, pole.perimeter && labelOf(Perimeter, pole.perimeter, locale));
  add(w.implantation, pole.implantation && labelOf(Implantation, pole.implantation, locale));
  add(w.members, pole.memberStructureCount === null ? null : numberFormat(locale).format(pole.memberStructureCount));
  add(w.kinds, list(StructureKind, pole.structureKinds));
  add(w.sectors, list(Sector, pole.sectors));
  add(w.natures, list(ActivityNature, pole.activityNatures));
  add(w.founded, pole.foundedYear === null ? null : String(pole.foundedYear));
  add(w.employees, pole.employeeCount === null ? null : numberFormat(locale).format(pole.employeeCount));
  add(w.budget, pole.consolidatedBudgetCents === null ? null : euros(pole.consolidatedBudgetCents, locale));
  return { name: pole.name, territory: pole.territory, facts };
}

/** A testimony as the guide shows it; live money in euros, with when it was read. */
export function guideTestimony(testimony: TestimonyView, story: GuideBlock[], locale: Locale): GuideTestimony {
  return {
    id: testimony.id,
    title: testimony.title,
    status: testimony.status,
    pole: { name: testimony.pole.name, territory: testimony.territory || testimony.pole.territory },
    collectivites: testimony.collectivites.map((c) => ({ name: c.organisation.name, level: c.organisation.level, stages: c.stages })),
    levers: testimony.levers,
    story,
    figures: testimony.figures.map((f) =>
      f.kind === 'typed'
        ? { label: f.label, value: f.value, unit: f.unit, readAt: null }
        : {
            label: f.label,
            value: f.source.measure === 'funding_total' ? f.value / 100 : f.value,
            unit: UNITS[locale][f.source.measure],
            readAt: f.readAt,
          },
    ),
    quotes: testimony.quotes,
  };
}

/** A recommendation as the guide shows it; the levels it addresses worded in the view's language. */
export function guideRecommendation(recommendation: RecommendationView, locale: Locale): GuideRecommendation {
  const { decidedBy, decidedAt } = recommendation;
  return {
    id: recommendation.id,
    statement: recommendation.statement,
    rationale: recommendation.rationale,
    status: recommendation.status,
    levers: recommendation.levers,
    stages: recommendation.stages,
    levels: recommendation.levels.map((level) => labelOf(FunderLevel, level, locale)),
    testimonies: recommendation.testimonies.map((t) => t.title),
    sections: recommendation.sections.flatMap((s) => (s.title === null ? [] : [s.title])),
    decided: decidedBy && decidedAt ? { by: decidedBy.displayName, at: decidedAt } : null,
  };
}

/** What a `stage:` / `lever:` filter keeps, given an item's stages and levers. */
export function matchesFilter(filter: GuideReferenceFilter | undefined, stages: readonly SupportStage[], levers: readonly Lever[]): boolean {
  if (!filter) return true;
  const [by, key] = filter.split(':');
  return by === 'stage' ? stages.includes(key as SupportStage) : levers.includes(key as Lever);
}

/** The stages a testimony illustrates: those of the collectivités that took part. */
export const testimonyStages = (testimony: TestimonyView): SupportStage[] => [...new Set(testimony.collectivites.flatMap((c) => c.stages))];
