import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ExportQuery, ImportReport, ImportRequest } from '@concerto/domain';
import { CurrentAuth, type RequestAuth } from '../common/request-auth.js';
import { Contract } from '../common/contract.js';
import { localeFromHeader } from '../common/locale.js';
import { RequiresSpaceRole } from '../access/space-role.guard.js';
import { ProjectImportService } from './project-import.service.js';

const FILE_NAMES = { projects: 'projets', funding_lines: 'financements' } as const;

function sendCsv(response: Response, name: string, csv: string): string {
  response.setHeader('content-type', 'text/csv; charset=utf-8');
  response.setHeader('content-disposition', `attachment; filename="${name}.csv"`);
  return csv;
}

/** CSV template, export and all-or-nothing import of a space's projects and funding lines. */
@Controller('spaces/:spaceId/projects-csv')
export class ProjectCsvController {
  constructor(private readonly csv: ProjectImportService) {}

  @Get('template')
  @RequiresSpaceRole('observateur')
  @Contract({ summary: 'A CSV template to fill in (text/csv)', query: ExportQuery })
  async template(@Param('spaceId') spaceId: string, @Query() query: ExportQuery, @Res({ passthrough: true }) response: Response) {
    return sendCsv(response, `modele-${FILE_NAMES[query.kind]}`, await this.csv.template(spaceId, query.kind));
  }

  @Get('export')
  @RequiresSpaceRole('observateur')
  @Contract({ summary: "The space's projects or funding lines as CSV (text/csv)", query: ExportQuery })
  async export(@Param('spaceId') spaceId: string, @Query() query: ExportQuery, @Res({ passthrough: true }) response: Response) {
    return sendCsv(response, FILE_NAMES[query.kind], await this.csv.export(spaceId, query.kind));
  }

  @Post('import')
  @HttpCode(200)
  @RequiresSpaceRole('contributeur')
  @Contract({
    summary:
      'Check (dry run) or import a CSV file, as text or as base64 bytes (UTF-8, or Windows-1252 when not valid UTF-8): nothing is written unless every line is valid (422 otherwise)',
    body: ImportRequest,
    response: ImportReport,
  })
  import(@CurrentAuth() auth: RequestAuth, @Param('spaceId') spaceId: string, @Body() body: ImportRequest, @Headers('accept-language') language?: string) {
    return this.csv.import(spaceId, body, auth.account.id, localeFromHeader(language));
  }
}
