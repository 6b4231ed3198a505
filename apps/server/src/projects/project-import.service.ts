import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type CsvEncoding,
  CsvSyntaxError,
  FundingKind,
  FundingStatus,
  FunderLevel,
  type ImportIssue,
  type ImportKind,
  type ImportReport,
  type ImportRequest,
  Lever,
  type Locale,
  MAX_IMPORT_ROWS,
  PolicyFrame,
  ProjectStage,
  ProjectStatus,
  PartnerRole,
  csvEuros,
  labelOf,
  parseCsv,
  toCsv,
} from '@concerto/domain';
import { ApiException } from '../common/api-exception.js';
import { EventsPublisher } from '../events/events-publisher.js';
import { decodeCsvBytes } from './csv-encoding.js';
import { labelsOf } from './csv-values.js';
import { FundingRepository } from './funding.repository.js';
import { FundingService } from './funding.service.js';
import {
  FUNDING_COLUMNS,
  type ImportLookups,
  PROJECT_COLUMNS,
  REQUIRED_COLUMNS,
  RowReader,
  columnOfHeader,
  isInformativeHeader,
  readFundingRow,
  readProjectRow,
} from './project-csv.js';
import { expectedFunderLevel } from './project-rules.js';
import type { OrganisationRef } from './projects.repository.js';
import { ProjectTimelineRepository } from './project-timeline.repository.js';
import { ProjectsRepository } from './projects.repository.js';
import { ProjectsService } from './projects.service.js';

const HEADER_MESSAGES = {
  syntax: { fr: 'Fichier CSV mal formé : {v}', en: 'Malformed CSV file: {v}' },
  missing: { fr: 'Colonne obligatoire absente : {v}', en: 'Missing required column: {v}' },
  unknown: { fr: 'Colonne inconnue : {v}', en: 'Unknown column: {v}' },
  duplicate: { fr: 'Colonne en double : {v}', en: 'Duplicate column: {v}' },
  empty: { fr: 'Le fichier ne contient aucune ligne de données', en: 'The file has no data rows' },
  tooMany: { fr: `Trop de lignes (au plus ${MAX_IMPORT_ROWS})`, en: `Too many rows (at most ${MAX_IMPORT_ROWS})` },
};

const TEMPLATE_PROJECT = 'Recyclerie du Pays de Grasse';
const frenchOrder = new Intl.Collator('fr').compare;

/** Bulk entry of projects and funding lines from CSV files, all or nothing, and their export. */
@Injectable()
export class ProjectImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly projects: ProjectsService,
    private readonly funding: FundingService,
    private readonly projectRows: ProjectsRepository,
    private readonly fundingRows: FundingRepository,
    private readonly timeline: ProjectTimelineRepository,
    private readonly events: EventsPublisher,
  ) {}

  /** Checks every line; writes them all in one transaction only when every line is valid and it is not a dry run. */
  async import(spaceId: string, request: ImportRequest, accountId: string, locale: Locale): Promise<ImportReport> {
    const { text, encoding } = this.decode(request);
    const report = (errors: ImportIssue[], rowCount: number, created = 0): ImportReport => ({
      kind: request.kind,
      dryRun: request.dryRun,
      encoding,
      rowCount,
      valid: errors.length === 0,
      created,
      errors: errors.slice(0, 500),
    });
    const headerIssue = (key: keyof typeof HEADER_MESSAGES, value = '') => ({
      line: 1,
      column: null,
      message: HEADER_MESSAGES[key][locale].replace('{v}', value),
    });

    let table;
    try {
      table = parseCsv(text);
    } catch (error) {
      if (!(error instanceof CsvSyntaxError)) throw error;
      return this.reject(request, report([{ ...headerIssue('syntax', error.message), line: error.line }], 0));
    }
    // Headers as people type them (`Année`, `Montant (€)`, `Niveau financeur`) name the columns of the format.
    const columns = table.header.map((h) => columnOfHeader(request.kind, h));
    const header = columns.map((c) => c ?? '');
    const headerIssues = [
      ...REQUIRED_COLUMNS[request.kind].filter((c) => !header.includes(c)).map((c) => headerIssue('missing', c)),
      ...table.header.filter((h, i) => columns[i] === undefined && !isInformativeHeader(request.kind, h)).map((h) => headerIssue('unknown', h)),
      ...table.header.filter((_, i) => columns[i] !== undefined && header.indexOf(header[i]) !== i).map((h) => headerIssue('duplicate', h)),
      ...(table.rows.length === 0 ? [headerIssue('empty')] : []),
      ...(table.rows.length > MAX_IMPORT_ROWS ? [headerIssue('tooMany')] : []),
    ];
    if (headerIssues.length > 0) return this.reject(request, report(headerIssues, table.rows.length));

    const lookups = await this.lookups(spaceId);
    const readers = table.rows.map((r) => new RowReader(locale, header, r.line, r.cells));
    const defined = <T>(items: (T | undefined)[]) => items.filter((item): item is T => item !== undefined);
    const projectRows = request.kind === 'projects' ? defined(readers.map((r) => readProjectRow(r, lookups))) : [];
    const fundingRows = request.kind === 'funding_lines' ? defined(readers.map((r) => readFundingRow(r, lookups))) : [];
    const errors = readers.flatMap((r) => r.issues);
    if (errors.length > 0) return this.reject(request, report(errors, readers.length));
    if (request.dryRun) return report([], readers.length);

    const touched = await this.dataSource.transaction(async (tx) => {
      const ids: string[] = [];
      for (const project of projectRows) ids.push(await this.projects.insert(tx, spaceId, project, accountId, 'imported'));
      const linesPerProject = new Map<string, number>();
      for (const { projectId, line } of fundingRows) {
        await this.funding.insert(tx, projectId, line, accountId);
        linesPerProject.set(projectId, (linesPerProject.get(projectId) ?? 0) + 1);
      }
      await this.recordFundingImport(tx, linesPerProject, accountId);
      return [...ids, ...linesPerProject.keys()];
    });
    for (const id of touched) this.events.notify({ spaceId, entity: request.kind === 'projects' ? 'project' : 'funding_line', id, op: 'created' });
    return report([], readers.length, readers.length);
  }

  /**
   * A file to fill in, with one example line that passes its own dry run in this space: it names organisations of the
   * directory (the space's partners first) and, for funding lines, a project of the space.
   */
  async template(spaceId: string, kind: ImportKind): Promise<string> {
    const organisations = await this.templateOrganisations(spaceId);
    const collectivite = organisations.find((o) => o.kind === 'collectivite');
    const other = organisations.find((o) => o.kind !== 'collectivite');
    if (kind === 'projects') {
      return toCsv(PROJECT_COLUMNS, [
        [
          TEMPLATE_PROJECT,
          "Collecte, réemploi et vente d'objets",
          labelOf(ProjectStage, 'seeding'),
          labelOf(ProjectStatus, 'ongoing'),
          '2026-01-15',
          '31/12/2027',
          labelsOf(Lever, ['urban_projects', 'employment_coordination']),
          labelsOf(PolicyFrame, ['feder', 'crte']),
          other?.name ?? '',
          collectivite?.name ?? '',
          collectivite?.name ?? '',
          '',
        ],
      ]);
    }
    const titles = (await this.projectRows.listTitles(spaceId)).map((p) => p.title).sort(frenchOrder);
    const funder = collectivite ?? other;
    return toCsv(FUNDING_COLUMNS, [
      [
        titles[0] ?? TEMPLATE_PROJECT,
        funder?.name ?? 'Région Sud',
        labelOf(FunderLevel, funder ? expectedFunderLevel(funder) : 'region'),
        '2026',
        '30 000,00',
        labelOf(FundingKind, 'operating'),
        'Fonds régional ESS',
        labelOf(FundingStatus, 'secured'),
      ],
    ]);
  }

  /** The space's projects or funding lines in the import format (labels in French, so the file can be re-imported). */
  async export(spaceId: string, kind: ImportKind): Promise<string> {
    const projects = await this.projectRows.listSummaries(spaceId, {});
    if (kind === 'projects') {
      // Every partner goes out with its role, one column per role (porteurs, partenaires, financeurs, appuis_techniques).
      const names = (p: (typeof projects)[number], role: PartnerRole) =>
        p.partners
          .filter((x) => x.role === role)
          .map((x) => x.name)
          .join(' | ');
      return toCsv(
        PROJECT_COLUMNS,
        projects.map((p) => [
          p.title,
          p.summary,
          labelOf(ProjectStage, p.stage),
          labelOf(ProjectStatus, p.status),
          p.startDate,
          p.endDate,
          labelsOf(Lever, p.levers),
          labelsOf(PolicyFrame, p.policyFrames),
          ...PartnerRole.keys.map((role) => names(p, role)),
        ]),
      );
    }
    const lines = await this.fundingRows.listForExport(spaceId);
    return toCsv(
      FUNDING_COLUMNS,
      lines.map((l) => [
        l.projectTitle,
        l.funderName,
        labelOf(FunderLevel, l.funderLevel),
        String(l.year),
        csvEuros(l.amountCents),
        labelOf(FundingKind, l.kind),
        l.instrument,
        labelOf(FundingStatus, l.status),
      ]),
    );
  }

  /** The file as text, and how it was read: bytes are UTF-8 when valid, Windows-1252 otherwise; text is UTF-8. */
  private decode(request: ImportRequest): { text: string; encoding: CsvEncoding } {
    if (request.file !== undefined) return decodeCsvBytes(Buffer.from(request.file, 'base64'));
    return { text: request.csv ?? '', encoding: 'utf-8' };
  }

  /** Organisations a template may name (unique names only): the space's partners first, then the directory, in French order. */
  private async templateOrganisations(spaceId: string): Promise<OrganisationRef[]> {
    const all = await this.projectRows.listOrganisations();
    const named = new Map<string, number>();
    for (const o of all) named.set(o.name.toLowerCase(), (named.get(o.name.toLowerCase()) ?? 0) + 1);
    const partnerIds = new Set((await this.projectRows.listSummaries(spaceId, {})).flatMap((p) => p.partners.map((x) => x.organisationId)));
    return all
      .filter((o) => named.get(o.name.toLowerCase()) === 1)
      .sort((a, b) => Number(partnerIds.has(b.id)) - Number(partnerIds.has(a.id)) || frenchOrder(a.name, b.name));
  }

  private reject(request: ImportRequest, report: ImportReport): ImportReport {
    if (request.dryRun) return report;
    throw new ApiException(422, 'import_invalid', undefined, { report });
  }

  private async lookups(spaceId: string): Promise<ImportLookups> {
    const organisations = await this.projectRows.listOrganisations();
    const projects = await this.projectRows.listTitles(spaceId);
    const group = <T>(items: T[], key: (t: T) => string) => {
      const map = new Map<string, T[]>();
      for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
      return map;
    };
    return {
      organisations: group(organisations, (o) => o.name.toLowerCase()),
      projects: new Map([...group(projects, (p) => p.title.toLowerCase())].map(([k, v]) => [k, v.map((p) => p.id)])),
    };
  }

  private async recordFundingImport(tx: EntityManager, linesPerProject: Map<string, number>, accountId: string): Promise<void> {
    for (const [id, fundingLines] of linesPerProject) {
      await this.timeline.record(id, accountId, 'imported', { fundingLines }, tx);
      await this.projectRows.touch(id, tx);
    }
  }
}
