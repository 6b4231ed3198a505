import { Injectable } from '@nestjs/common';
import type { ObservatoryMapQuery, ObservatoryMapView } from '@concerto/domain';
import { ObservatoryService } from './observatory.service.js';
import { territoryFigures } from './territory-figures.js';

/**
 * The observatory's map: the panorama's figures per région or département, over the same scope (the access policy's
 * ObservatoryScope, through ObservatoryService) and filters, cached with the other figures.
 */
@Injectable()
export class ObservatoryMapService {
  constructor(private readonly observatory: ObservatoryService) {}

  map(accountId: string, { mesh, ...query }: ObservatoryMapQuery): Promise<ObservatoryMapView> {
    return this.observatory.scopedFigure(`map-${mesh}`, accountId, query, ['projects', 'pole', 'relations', 'organisation'], async (facts, scope) =>
      territoryFigures(facts, scope, query, mesh),
    );
  }
}
