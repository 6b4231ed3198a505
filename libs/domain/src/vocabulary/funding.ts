import { CollectiviteLevel } from './collectivite.js';
import { defineVocabulary } from './vocabulary.js';

/** Level of a funder: a collectivité level (with État, Europe, PNR/PETR), or any other funder. */
export const FunderLevel = defineVocabulary('funderLevel', {
  ...CollectiviteLevel.labels,
  other: { fr: 'Autre financeur', en: 'Other funder' },
});
export type FunderLevel = (typeof FunderLevel.keys)[number];

/** Plural labels used as row headings of the observatory's funding table (the study's wording). */
export const FUNDER_LEVEL_ROW_LABELS: Readonly<Record<FunderLevel, { fr: string; en: string }>> = {
  commune: { fr: 'Communes', en: 'Municipalities' },
  epci: { fr: 'EPCI', en: 'Inter-municipalities (EPCI)' },
  department: { fr: 'Départements', en: 'Departments' },
  region: { fr: 'Régions', en: 'Regions' },
  state: { fr: 'État', en: 'State' },
  europe: { fr: 'Europe', en: 'Europe' },
  pnr_petr: { fr: 'PNR / PETR', en: 'PNR / PETR' },
  other: { fr: 'Autres financeurs', en: 'Other funders' },
};

export const FundingKind = defineVocabulary('fundingKind', {
  operating: { fr: 'Fonctionnement', en: 'Operating' },
  investment: { fr: 'Investissement', en: 'Investment' },
});
export type FundingKind = (typeof FundingKind.keys)[number];

export const FundingStatus = defineVocabulary('fundingStatus', {
  requested: { fr: 'Sollicité', en: 'Requested' },
  secured: { fr: 'Acquis', en: 'Secured' },
  paid: { fr: 'Versé', en: 'Paid' },
});
export type FundingStatus = (typeof FundingStatus.keys)[number];

/** Funding counted as mobilised by the observatory unless the caller asks otherwise. */
export const MOBILISED_FUNDING_STATUSES: readonly FundingStatus[] = ['secured', 'paid'];

/** Suggestions for the free-text instrument of a funding line. */
export const FUNDING_INSTRUMENT_SUGGESTIONS = [
  'FEDER',
  'FSE',
  'FSE+',
  'LEADER',
  'AMI PTCE',
  'DLA',
  'Contrat de ville',
  'CRTE',
  'France Active',
  'Fonds régional ESS',
  'Subvention de fonctionnement',
] as const;
