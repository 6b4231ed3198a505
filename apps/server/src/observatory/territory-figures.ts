import { CollectiviteLevel, MAP_POLES_LISTED_MAX, type MapMesh, type ObservatoryMapView, type ObservatoryQuery, type TerritoryFigures } from '@concerto/domain';
import { type FactsSource, type ScopeRow, panoramaFacts, scopeParts } from './observatory-figures.js';

/** One territory's figures: exactly the panorama's (money mobilised, presence of levels) over the scope's poles located there. */
export function figuresOf(facts: FactsSource, scope: ScopeRow[], query: ObservatoryQuery): TerritoryFigures {
  const { poles, mobilisedCents, presence } = panoramaFacts(facts, scope, query);
  const presenceOf = new Map(presence.map((p) => [p.level, p.poles]));
  return {
    poles,
    mobilisedCents,
    levelPresence: CollectiviteLevel.keys
      .filter((level) => !query.level || query.level === level)
      .map((level) => ({ level, poles: presenceOf.get(level) ?? 0 })),
  };
}

const frenchOrder = new Intl.Collator('fr').compare;

/** The caller's scope cut by the territory (région or département, null when not recorded) of each pole, from the poles' facts in memory. */
export function territoryParts(facts: FactsSource, scope: ScopeRow[], mesh: MapMesh): Map<string | null, ScopeRow[]> {
  return scopeParts(facts, scope, (pole) => (mesh === 'region' ? pole?.profile?.regionCode : pole?.profile?.departementCode) ?? null);
}

/**
 * The map's answer from each part's figures (`figuresOf`, computed as the panorama computes the whole, so the
 * territories add up to the panorama's totals: poles, money). The poles themselves are listed when a territory is
 * chosen or they are few (MAP_POLES_LISTED_MAX).
 */
export function mapView(
  facts: FactsSource,
  scope: ScopeRow[],
  query: ObservatoryQuery,
  mesh: MapMesh,
  figures: Map<string | null, TerritoryFigures>,
): ObservatoryMapView {
  const territories = [...figures]
    .filter((entry): entry is [string, TerritoryFigures] => entry[0] !== null)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, territory]) => ({ code, ...territory }))
    .filter((t) => t.poles > 0) as ObservatoryMapView['territories'];
  const poleIds = [...new Set(scope.map((s) => s.poleId))];
  const polesListed = Boolean(query.region || query.departement) || poleIds.length <= MAP_POLES_LISTED_MAX;
  const poles = (polesListed ? poleIds : [])
    .flatMap((poleId) => {
      const profile = facts.pole(poleId)?.profile;
      return profile ? [{ id: poleId, name: profile.name, regionCode: profile.regionCode, departementCode: profile.departementCode }] : [];
    })
    .sort((a, b) => frenchOrder(a.name, b.name));
  return { mesh, territories, unlocated: figures.get(null) ?? figuresOf(facts, [], query), poles, polesListed };
}
