import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ObservatoryMapQuery, ObservatoryMapView } from '@concerto/domain';
import { SelectionFilterGuard } from '../access/selection-filter.guard.js';
import { CurrentAuth, type RequestAuth } from '../common/request-auth.js';
import { Contract } from '../common/contract.js';
import { ObservatoryMapService } from './observatory-map.service.js';

/** The map's figures are computed over the spaces the caller belongs to, like every other figure. */
@Controller('observatory')
@UseGuards(SelectionFilterGuard)
export class ObservatoryMapController {
  constructor(private readonly map: ObservatoryMapService) {}

  @Get('map')
  @Contract({
    summary: 'Per région or département: poles, money mobilised, presence of collectivité levels; the poles to place',
    query: ObservatoryMapQuery,
    response: ObservatoryMapView,
  })
  figures(@CurrentAuth() auth: RequestAuth, @Query() query: ObservatoryMapQuery) {
    return this.map.map(auth.account.id, query);
  }
}
