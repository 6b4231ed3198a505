import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { IndicatorsOverTimeView, ObservatoryQuery, PoleIndicatorsQuery, PoleIndicatorsView } from '@concerto/domain';
import { SelectionFilterGuard } from '../access/selection-filter.guard.js';
import { CurrentAuth, type RequestAuth } from '../common/request-auth.js';
import { Contract } from '../common/contract.js';
import { ObservatoryIndicatorsService } from './observatory-indicators.service.js';

/** The projects' indicators by year, computed over the spaces the caller belongs to, like every other figure. */
@Controller('observatory')
@UseGuards(SelectionFilterGuard)
export class ObservatoryIndicatorsController {
  constructor(private readonly indicators: ObservatoryIndicatorsService) {}

  @Get('indicators')
  @Contract({
    summary: 'Jobs, FTE, structures, people in work-integration, turnover and budget by year: total and median per pole over the scope',
    query: ObservatoryQuery,
    response: IndicatorsOverTimeView,
  })
  overTime(@CurrentAuth() auth: RequestAuth, @Query() query: ObservatoryQuery) {
    return this.indicators.overTime(auth.account.id, query);
  }

  @Get('indicators/poles')
  @Contract({
    summary: "One indicator's values per pole and year over the scope (the first `limit` poles in French order) and how many poles measured it",
    query: PoleIndicatorsQuery,
    response: PoleIndicatorsView,
  })
  poles(@CurrentAuth() auth: RequestAuth, @Query() query: PoleIndicatorsQuery) {
    return this.indicators.poles(auth.account.id, query);
  }
}
