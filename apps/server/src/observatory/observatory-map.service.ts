import { Injectable } from '@nestjs/common';
import type { ObservatoryMapQuery, ObservatoryMapView, TerritoryFigures } from '@concerto/domain';
import type { ChangeSource } from './observatory-facts.repository.js';
import { ObservatoryService } from './observatory.service.js';
import { figuresOf, mapView, territoryParts } from './territory-figures.js';

const SOURCES: ChangeSource[] = ['projects', 'pole', 'relations', 'organisation'];

/**
 * The observatory's map: the panorama's figures per région or département, over the same scope (the access policy's
 * ObservatoryScope, through ObservatoryService) and filters, cached with the other figures. Each territory's figures
 * are also kept on their own until a change touches one of its poles: after a write in one pole, the map computes
 * that pole's territory again and takes the others as they were.
 */
@Injectable()
export class ObservatoryMapService {
  constructor(private readonly observatory: ObservatoryService) {}

  map(accountId: string, { mesh, ...query }: ObservatoryMapQuery): Promise<ObservatoryMapView> {
    return this.observatory.scopedFigure(`map-${mesh}`, accountId, query, SOURCES, async (facts, scope) => {
      const parts = territoryParts(facts, scope, mesh);
      const figures = await Promise.all(
        [...parts.keys()].map(async (code) => {
          const territory = await this.observatory.scopedFigure(
            `map-${mesh}-${code ?? 'unlocated'}`,
            accountId,
            query,
            SOURCES,
            async (partFacts, rows) => figuresOf(partFacts, rows, query),
            // The part as cut in this computation, from the same facts.
            () => parts.get(code) ?? [],
          );
          return [code, territory] as [string | null, TerritoryFigures];
        }),
      );
      return mapView(facts, scope, query, mesh, new Map(figures));
    });
  }
}
