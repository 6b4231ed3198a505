import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { Controller, Get, Query, Req, Res, StreamableFile, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import { FundingTableView, ObservatoryExportQuery, ObservatoryQuery, PanoramaView } from '@concerto/domain';
import { SelectionFilterGuard } from '../access/selection-filter.guard.js';
import { CurrentAuth, type RequestAuth } from '../common/request-auth.js';
import { Contract } from '../common/contract.js';
import { ObservatoryIndicatorsService } from './observatory-indicators.service.js';
import { ObservatoryService } from './observatory.service.js';

/** Every figure is computed over the spaces the caller belongs to, nothing else (a sample selection: the caller's own). */
@Controller('observatory')
@UseGuards(SelectionFilterGuard)
export class ObservatoryController {
  constructor(
    private readonly observatory: ObservatoryService,
    private readonly indicators: ObservatoryIndicatorsService,
  ) {}

  @Get('funding')
  @Contract({
    summary: "The study's funding table: per funder level, total, projects supported, median per project",
    query: ObservatoryQuery,
    response: FundingTableView,
  })
  funding(@CurrentAuth() auth: RequestAuth, @Query() query: ObservatoryQuery) {
    return this.observatory.funding(auth.account.id, query);
  }

  @Get('panorama')
  @Contract({ summary: 'Totals, median profiles, presence of collectivité levels, relations over time', query: ObservatoryQuery, response: PanoramaView })
  panorama(@CurrentAuth() auth: RequestAuth, @Query() query: ObservatoryQuery) {
    return this.observatory.panorama(auth.account.id, query);
  }

  @Get('export')
  @Contract({ summary: 'Open-data download (CSV or JSON) of a dataset with the same filters', query: ObservatoryExportQuery })
  async export(
    @CurrentAuth() auth: RequestAuth,
    @Query() query: ObservatoryExportQuery,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { dataset, format, ...filters } = query;
    const file =
      dataset === 'indicators' || dataset === 'indicators_by_pole'
        ? await this.indicators.export(auth.account.id, dataset, format, filters)
        : await this.observatory.export(auth.account.id, query);
    response.setHeader('content-type', file.contentType);
    response.setHeader('content-disposition', `attachment; filename="${file.name}"`);
    if ('body' in file) return file.body;
    // A file kept compressed in parts goes out as it is, its gzip members one after the other in a few large chunks
    // (the compression middleware leaves an encoded body be); decompressed on the way to a client without gzip.
    response.setHeader('vary', 'Accept-Encoding');
    const stream = Readable.from(file.gzipChunks, { objectMode: false });
    if (!request.acceptsEncodings('gzip')) return new StreamableFile(stream.pipe(createGunzip()));
    response.setHeader('content-encoding', 'gzip');
    return new StreamableFile(stream, { length: file.gzipChunks.reduce((total, chunk) => total + chunk.length, 0) });
  }
}
