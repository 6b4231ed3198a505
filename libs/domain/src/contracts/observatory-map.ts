import { z } from 'zod';
import { CollectiviteLevel } from '../vocabulary/collectivite.js';
import { DepartementCode, RegionCode } from '../vocabulary/french-territories.js';
import { observatoryFilters, periodInOrder } from './observatory.js';
import { uuid } from './text.js';

/**
 * Over this many poles in scope and no territory chosen, the map's answer leaves the poles out: thousands of points
 * piled at the centres of the régions say nothing the counts do not, and their list was most of the answer.
 */
export const MAP_POLES_LISTED_MAX = 500;

/** The territories the map is drawn by: régions, or départements. */
export const MapMesh = z.enum(['region', 'departement']);
export type MapMesh = z.infer<typeof MapMesh>;

/** The observatory's filters, and the mesh of the map. */
export const ObservatoryMapQuery = z.strictObject({ ...observatoryFilters, mesh: MapMesh.default('region') }).refine(...periodInOrder);
export type ObservatoryMapQuery = z.infer<typeof ObservatoryMapQuery>;

/** The figures of the poles of one territory (or of the poles not located), over the caller's scope and filters. */
export const TerritoryFigures = z.object({
  /** Poles in scope located there. */
  poles: z.number(),
  /** Money mobilised by their projects under the filters (cents), as the panorama counts it. */
  mobilisedCents: z.number(),
  /** Poles linked to (or declaring) each collectivité level, as the panorama's presence counts them. */
  levelPresence: z.array(z.object({ level: CollectiviteLevel.schema, poles: z.number() })),
});
export type TerritoryFigures = z.infer<typeof TerritoryFigures>;

export const ObservatoryMapView = z.object({
  mesh: MapMesh,
  /** Every territory holding at least one pole in scope, by INSEE code. */
  territories: z.array(TerritoryFigures.extend({ code: z.union([RegionCode, DepartementCode]) })),
  /** The poles in scope whose région (or, by département, whose département) is not recorded. */
  unlocated: TerritoryFigures,
  /**
   * The poles in scope, to place them on the map (at their territory's centre: poles have no coordinates); listed
   * only when a territory is chosen or the scope holds few poles (MAP_POLES_LISTED_MAX), empty otherwise.
   */
  poles: z.array(z.object({ id: uuid, name: z.string(), regionCode: RegionCode.nullable(), departementCode: DepartementCode.nullable() })),
  /** False when the poles are too many to place on the map of France and are left out (choose a région to see them). */
  polesListed: z.boolean(),
});
export type ObservatoryMapView = z.infer<typeof ObservatoryMapView>;
