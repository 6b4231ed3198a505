import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
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
  labelOf,
  parseCsv,
  toCsv,
} from '@concerto/domain';
import { ApiException } from '../common/api-exception.js';
import { EventsPublisher } from '../events/events-publisher.js';
import { formatEuros, labelsOf } from './csv-values.js';
import { FundingRepository } from './funding.repository.js';
import { FundingService } from './funding.service.js';
import { FUNDING_COLUMNS, type ImportLookups, PROJECT_COLUMNS, REQUIRED_COLUMNS, RowReader, readFundingRow, readProjectRow } from './project-csv.js';
import { ProjectTimelineRepository } from './project-timeline.repository.js';
import { ProjectsRepository } from './projects.repository.js';
import { ProjectsService } from './projects.service.js';

const HEADER_MESSAGES = {
  syntax: { fr: 'Fichier CSV mal formé : {v}', en: 'Malformed CSV file: {v}' },
  missing: { fr: 'Colonne obligatoire absente : {v}', en: 'Missing required column: {v}' },
  unknown: { fr: 'Colonne inconnue : {v}', en: 'Unknown column: {v}' },
  empty: { fr: 'Le fichier ne contient aucune ligne de données', en: 'The file has no data rows' },
  tooMany: { fr: `Trop de lignes (au plus ${MAX_IMPORT_ROWS})`, en: `Too many rows (at most ${MAX_IMPORT_ROWS})` },
};

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
    const report = (errors: ImportIssue[], rowCount: number, created = 0): ImportReport => ({
      kind: request.kind,
      dryRun: request.dryRun,
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
      table = parseCsv(request.csv);
    } catch (error) {
      if (!(error instanceof CsvSyntaxError)) throw error;
      return this.reject(request, report([{ ...headerIssue('syntax', error.message), line: error.line }], 0));
    }
    const known: readonly string[] = request.kind === 'projects' ? PROJECT_COLUMNS : FUNDING_COLUMNS;
    const header = table.header.map((h) => h.toLowerCase());
    const headerIssues = [
      ...REQUIRED_COLUMNS[request.kind].filter((c) => !header.includes(c)).map((c) => headerIssue('missing', c)),
      ...header.filter((c) => !known.includes(c)).map((c) => headerIssue('unknown', c)),
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

  template(kind: ImportKind): string {
    return kind === 'projects'
      ? toCsv(PROJECT_COLUMNS, [
          [
            'Recyclerie du Pays de Grasse',
            "Collecte, réemploi et vente d'objets",
            labelOf(ProjectStage, 'seeding'),
            labelOf(ProjectStatus, 'ongoing'),
            '2026-01-15',
            '31/12/2027',
            labelsOf(Lever, ['urban_projects', 'employment_coordination']),
            labelsOf(PolicyFrame, ['feder', 'crte']),
            'TETRIS',
            "Communauté d'agglomération du Pays de Grasse",
          ],
        ])
      : toCsv(FUNDING_COLUMNS, [
          [
            'Recyclerie du Pays de Grasse',
            'Région Sud',
            labelOf(FunderLevel, 'region'),
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
      const names = (p: (typeof projects)[number], role: string) =>
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
          names(p, 'carrier'),
          names(p, 'partner'),
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
        formatEuros(l.amountCents),
        labelOf(FundingKind, l.kind),
        l.instrument,
        labelOf(FundingStatus, l.status),
      ]),
    );
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
