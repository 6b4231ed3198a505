import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { z } from 'zod';
import {
  SampleCoverageRequest,
  SampleCoverageView,
  SamplePoleSearchQuery,
  SamplePoleSearchView,
  SampleSelectionRequest,
  SampleSelectionSummary,
  SampleSelectionView,
} from '@concerto/domain';
import { requireUuidParams } from '../access/route-params.js';
import { Contract } from '../common/contract.js';
import { CurrentAuth, type RequestAuth } from '../common/request-auth.js';
import { SampleService } from './sample.service.js';

/** The sample builder, over the caller's observatory scope; saved selections are private to their owner. */
@Controller('sample')
export class SampleController {
  constructor(private readonly sample: SampleService) {}

  @Post('coverage')
  @HttpCode(200)
  @Contract({
    summary: 'How a set of poles (hand-picked, or my whole scope) covers the values of the grid: counts, gaps, poles of my scope that fill them',
    body: SampleCoverageRequest,
    response: SampleCoverageView,
  })
  coverage(@CurrentAuth() auth: RequestAuth, @Body() body: SampleCoverageRequest) {
    return this.sample.coverage(auth.account.id, body);
  }

  @Get('poles')
  @Contract({ summary: 'Poles of my scope by name or territory, to pick a sample', query: SamplePoleSearchQuery, response: SamplePoleSearchView })
  poles(@CurrentAuth() auth: RequestAuth, @Query() query: SamplePoleSearchQuery) {
    return this.sample.searchPoles(auth.account.id, query);
  }

  @Get('selections')
  @Contract({ summary: 'My saved selections of poles', response: z.array(SampleSelectionSummary) })
  list(@CurrentAuth() auth: RequestAuth) {
    return this.sample.list(auth.account.id);
  }

  @Post('selections')
  @Contract({ summary: 'Save a named selection of poles of my scope', body: SampleSelectionRequest, response: SampleSelectionView, status: 201 })
  create(@CurrentAuth() auth: RequestAuth, @Body() body: SampleSelectionRequest) {
    return this.sample.create(auth.account.id, body);
  }

  @Get('selections/:selectionId')
  @Contract({ summary: 'One of my selections, with its poles', response: SampleSelectionView })
  get(@CurrentAuth() auth: RequestAuth, @Param('selectionId') selectionId: string) {
    requireUuidParams({ selectionId });
    return this.sample.get(auth.account.id, selectionId);
  }

  @Put('selections/:selectionId')
  @Contract({ summary: 'Rename one of my selections and set its poles', body: SampleSelectionRequest, response: SampleSelectionView })
  replace(@CurrentAuth() auth: RequestAuth, @Param('selectionId') selectionId: string, @Body() body: SampleSelectionRequest) {
    requireUuidParams({ selectionId });
    return this.sample.replace(auth.account.id, selectionId, body);
  }

  @Delete('selections/:selectionId')
  @HttpCode(204)
  @Contract({ summary: 'Delete one of my selections', status: 204 })
  delete(@CurrentAuth() auth: RequestAuth, @Param('selectionId') selectionId: string) {
    requireUuidParams({ selectionId });
    return this.sample.delete(auth.account.id, selectionId);
  }
}
