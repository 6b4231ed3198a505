import type { z } from 'zod';
import {
  CreateFundingLineRequest,
  CreateProjectRequest,
  FunderLevel,
  FundingKind,
  FundingStatus,
  Lever,
  type Locale,
  PolicyFrame,
  ProjectStage,
  ProjectStatus,
  type ImportIssue,
  type ImportKind,
  type Vocabulary,
  unguardFormula,
} from '@concerto/domain';
import { zodErrorsIn } from '../common/zod-errors.js';
import { foldHeader, matchVocabulary, parseDay, parseEuros, splitList } from './csv-values.js';
import { acceptsFunderLevel, expectedFunderLevel } from './project-rules.js';
import type { OrganisationRef } from './projects.repository.js';

export const PROJECT_COLUMNS = [
  'titre',
  'resume',
  'etape',
  'statut',
  'date_debut',
  'date_fin',
  'leviers',
  'cadres',
  'porteurs',
  'partenaires',
  'financeurs',
  'appuis_techniques',
] as const;
export const FUNDING_COLUMNS = ['projet', 'financeur', 'niveau_financeur', 'annee', 'montant_euros', 'nature', 'instrument', 'statut'] as const;
export const REQUIRED_COLUMNS = { projects: ['titre'], funding_lines: ['projet', 'financeur', 'annee', 'montant_euros', 'nature'] } as const;

/** The partner columns of the projects file, one per role: every partner of a project goes out and comes back with its role. */
export const PARTNER_COLUMNS = { carrier: 'porteurs', partner: 'partenaires', funder: 'financeurs', technical_support: 'appuis_techniques' } as const;

/**
 * What people type as headers, besides the column's own name: the French words (and the labels of the app's forms) and
 * their English counterparts, compared with `foldHeader` (accents, case and punctuation ignored).
 */
const COLUMN_ALIASES: Record<ImportKind, Record<string, readonly string[]>> = {
  projects: {
    titre: ['Titre', 'Titre du projet', 'Projet', 'Nom du projet', 'Title', 'Project', 'Project title'],
    resume: ['Résumé', 'Description', 'Summary'],
    etape: ['Étape', 'Étape du projet', 'Stade', 'Stage'],
    statut: ['Statut', 'État', 'Status'],
    date_debut: ['Date de début', 'Début', 'Start date', 'Start'],
    date_fin: ['Date de fin', 'Fin', 'End date', 'End'],
    leviers: ['Leviers', 'Leviers d’action', 'Levers'],
    cadres: ['Cadres', 'Cadres d’action publique', 'Cadres de politique publique', 'Policy frames'],
    porteurs: ['Porteurs', 'Porteur', 'Project carriers', 'Carriers'],
    partenaires: ['Partenaires', 'Partners'],
    financeurs: ['Financeurs', 'Funders'],
    appuis_techniques: ['Appui technique', 'Appuis techniques', 'Technical support'],
  },
  funding_lines: {
    projet: ['Projet', 'Titre du projet', 'Project'],
    financeur: ['Financeur', 'Funder'],
    niveau_financeur: ['Niveau financeur', 'Niveau du financeur', 'Niveau', 'Niveau de collectivité', 'Funder level', 'Level'],
    annee: ['Année', 'Exercice', 'Year'],
    montant_euros: ['Montant (€)', 'Montant', 'Montant en euros', 'Montant (EUR)', 'Amount', 'Amount (€)', 'Amount (EUR)'],
    nature: ['Nature', 'Nature du financement', 'Kind'],
    instrument: ['Instrument', 'Dispositif'],
    statut: ['Statut', 'Status'],
  },
};

const HEADER_INDEX: Record<ImportKind, Map<string, string>> = {
  projects: headerIndex('projects'),
  funding_lines: headerIndex('funding_lines'),
};

function headerIndex(kind: ImportKind): Map<string, string> {
  const index = new Map<string, string>();
  for (const [column, aliases] of Object.entries(COLUMN_ALIASES[kind])) {
    for (const alias of [column, ...aliases]) index.set(foldHeader(alias), column);
  }
  return index;
}

/** The column a header names (`Année` → `annee`, `Montant (€)` → `montant_euros`), or undefined when it names none. */
export const columnOfHeader = (kind: ImportKind, header: string): string | undefined => HEADER_INDEX[kind].get(foldHeader(header));

/**
 * Columns that the product's open-data export of funding lines (the observatory's `funding_lines`) writes beside the
 * import's own: the pole and where it is, and the French label beside each code. An import of that file reads the
 * codes and leaves these be, so the export goes back in; any other unknown column is still reported.
 */
const INFORMATIVE_COLUMNS: Record<ImportKind, readonly string[]> = {
  projects: [],
  funding_lines: ['pole', 'territoire', 'region', 'region_libelle', 'departement', 'departement_libelle', 'niveau_libelle', 'nature_libelle', 'statut_libelle'],
};
const INFORMATIVE_HEADERS: Record<ImportKind, Set<string>> = {
  projects: new Set(INFORMATIVE_COLUMNS.projects.map(foldHeader)),
  funding_lines: new Set(INFORMATIVE_COLUMNS.funding_lines.map(foldHeader)),
};

/** Whether a header names a column the import knows and leaves be (see INFORMATIVE_COLUMNS). */
export const isInformativeHeader = (kind: ImportKind, header: string): boolean => INFORMATIVE_HEADERS[kind].has(foldHeader(header));

/** What a row needs from the database: organisations and projects by (lower-cased) name. */
export interface ImportLookups {
  organisations: Map<string, OrganisationRef[]>;
  projects: Map<string, string[]>;
}

const MESSAGES = {
  unknownValue: { fr: 'Valeur inconnue : « {v} »', en: 'Unknown value: "{v}"' },
  badDate: { fr: 'Date illisible (AAAA-MM-JJ ou JJ/MM/AAAA)', en: 'Unreadable date (YYYY-MM-DD or DD/MM/YYYY)' },
  badAmount: { fr: 'Montant illisible (ex. 12 500,50)', en: 'Unreadable amount (e.g. 12500.50)' },
  badYear: { fr: 'Année illisible', en: 'Unreadable year' },
  unknownOrganisation: { fr: 'Organisation inconnue : « {v} » (créez-la d’abord)', en: 'Unknown organisation: "{v}" (create it first)' },
  ambiguousOrganisation: { fr: 'Plusieurs organisations portent ce nom : « {v} »', en: 'Several organisations have this name: "{v}"' },
  unknownProject: { fr: 'Aucun projet de cet espace ne porte ce titre : « {v} »', en: 'No project of this space has this title: "{v}"' },
  ambiguousProject: { fr: 'Plusieurs projets portent ce titre : « {v} »', en: 'Several projects have this title: "{v}"' },
  levelMismatch: { fr: 'Le niveau ne correspond pas au financeur (attendu : {v})', en: 'The level does not match the funder (expected: {v})' },
} as const;

export class RowReader {
  readonly issues: ImportIssue[] = [];

  constructor(
    private readonly locale: Locale,
    private readonly header: string[],
    readonly line: number,
    private readonly cells: string[],
  ) {}

  /** The cell's text, trimmed, without the apostrophe the product's exports put before a formula character. */
  cell(column: string): string {
    const index = this.header.indexOf(column);
    return index < 0 ? '' : unguardFormula((this.cells[index] ?? '').trim());
  }

  fail(column: string | null, message: keyof typeof MESSAGES, value = ''): undefined {
    this.issues.push({ line: this.line, column, message: MESSAGES[message][this.locale].replace('{v}', value) });
    return undefined;
  }

  choice<K extends string>(column: string, vocabulary: Vocabulary<K>): K | undefined {
    const text = this.cell(column);
    if (!text) return undefined;
    return matchVocabulary(vocabulary, text) ?? this.fail(column, 'unknownValue', text);
  }

  choices<K extends string>(column: string, vocabulary: Vocabulary<K>): K[] {
    return splitList(this.cell(column)).flatMap((text) => matchVocabulary(vocabulary, text) ?? this.fail(column, 'unknownValue', text) ?? []);
  }

  day(column: string): string | null {
    const parsed = parseDay(this.cell(column));
    return parsed === undefined ? (this.fail(column, 'badDate') ?? null) : parsed;
  }

  organisation(column: string, lookups: ImportLookups, name = this.cell(column)): OrganisationRef | undefined {
    const found = lookups.organisations.get(name.toLowerCase()) ?? [];
    if (found.length === 1) return found[0];
    return this.fail(column, found.length === 0 ? 'unknownOrganisation' : 'ambiguousOrganisation', name);
  }

  /** Parses the assembled request with its zod contract; its issues are reported against the row's columns. */
  contract<T>(schema: z.ZodType<T>, value: unknown, columnOf: Record<string, string>): T | undefined {
    const parsed = schema.safeParse(value, { error: zodErrorsIn(this.locale) });
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      const column = columnOf[String(issue.path[0])] ?? null;
      // A column already reported (unknown value, unreadable number…) is not reported twice.
      if (!this.issues.some((known) => known.column === column)) this.issues.push({ line: this.line, column, message: issue.message });
    }
    return undefined;
  }
}

const PROJECT_COLUMN_OF = { title: 'titre', summary: 'resume', stage: 'etape', status: 'statut', startDate: 'date_debut', endDate: 'date_fin' };

export function readProjectRow(row: RowReader, lookups: ImportLookups): CreateProjectRequest | undefined {
  const partners = Object.entries(PARTNER_COLUMNS)
    .flatMap(([role, column]) => splitList(row.cell(column)).map((name) => ({ name, role: role as keyof typeof PARTNER_COLUMNS, column })))
    .flatMap(({ name, role, column }) => {
      const organisation = row.organisation(column, lookups, name);
      return organisation ? [{ organisationId: organisation.id, role }] : [];
    });
  const value = {
    title: row.cell('titre'),
    summary: row.cell('resume'),
    stage: row.choice('etape', ProjectStage),
    status: row.choice('statut', ProjectStatus),
    startDate: row.day('date_debut'),
    endDate: row.day('date_fin'),
    levers: row.choices('leviers', Lever),
    policyFrames: row.choices('cadres', PolicyFrame),
    partners,
  };
  const parsed = row.contract(CreateProjectRequest, value, PROJECT_COLUMN_OF);
  return row.issues.length === 0 ? parsed : undefined;
}

const FUNDING_COLUMN_OF = {
  funderLevel: 'niveau_financeur',
  year: 'annee',
  amountCents: 'montant_euros',
  kind: 'nature',
  instrument: 'instrument',
  status: 'statut',
};

export function readFundingRow(row: RowReader, lookups: ImportLookups): { projectId: string; line: CreateFundingLineRequest } | undefined {
  const title = row.cell('projet');
  const projects = lookups.projects.get(title.toLowerCase()) ?? [];
  if (projects.length !== 1) row.fail('projet', projects.length === 0 ? 'unknownProject' : 'ambiguousProject', title);
  const funder = row.organisation('financeur', lookups);
  const level = row.choice('niveau_financeur', FunderLevel);
  const yearText = row.cell('annee');
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : row.fail('annee', 'badYear');
  if (funder && level && !acceptsFunderLevel(funder, level, year)) row.fail('niveau_financeur', 'levelMismatch', expectedFunderLevel(funder));
  const amount = row.cell('montant_euros') ? (parseEuros(row.cell('montant_euros')) ?? row.fail('montant_euros', 'badAmount')) : undefined;
  const value = {
    funderId: funder?.id ?? '00000000-0000-4000-8000-000000000000',
    funderLevel: level ?? (funder ? expectedFunderLevel(funder) : 'other'),
    year,
    amountCents: amount,
    kind: row.choice('nature', FundingKind),
    instrument: row.cell('instrument'),
    status: row.choice('statut', FundingStatus),
  };
  const parsed = row.contract(CreateFundingLineRequest, value, FUNDING_COLUMN_OF);
  return row.issues.length === 0 && parsed ? { projectId: projects[0], line: parsed } : undefined;
}
