import { describe, expect, it } from '@jest/globals';
import type { ObservatoryMapView } from '@concerto/domain';
import { mapOption, metricValue, polePositions } from './map-option';
import type { TerritoryShape } from './observatory-map-api';

const shape = (code: string, cx: number, cy: number): TerritoryShape => ({ type: 'Feature', properties: { code, cx, cy }, geometry: null });
const pole = (name: string, regionCode: '53' | '93' | null, departementCode: '35' | '29' | '13' | null = null) => ({
  id: `00000000-0000-4000-8000-00000000000${name.length}`,
  name,
  regionCode,
  departementCode,
});

describe('the observatory map option', () => {
  const bretagne = {
    code: '53' as const,
    poles: 2,
    mobilisedCents: 155_457_100,
    levelPresence: [
      { level: 'region' as const, poles: 2 },
      { level: 'commune' as const, poles: 1 },
    ],
  };

  it('shades by money (in euros), number of poles, or poles linked to one level', () => {
    expect(metricValue(bretagne, 'money', 'region')).toBe(1_554_571);
    expect(metricValue(bretagne, 'poles', 'region')).toBe(2);
    expect(metricValue(bretagne, 'presence', 'commune')).toBe(1);
    expect(metricValue(bretagne, 'presence', 'epci')).toBe(0);
  });

  it('places each located pole at its territory, several of one territory apart, and leaves the others out', () => {
    const shapes = [shape('53', -3, 48), shape('93', 6, 44)];
    const placed = polePositions([pole('A', '53'), pole('BB', '53'), pole('CCC', '93'), pole('DDDD', null)], shapes, (p) => p.regionCode);
    expect(placed.map((p) => p.name)).toEqual(['A', 'BB', 'CCC']);
    expect(placed[2].value).toEqual([6, 44]);
    const [a, b] = placed;
    expect(Math.hypot(a.value[0] - b.value[0], a.value[1] - b.value[1])).toBeGreaterThan(0.1);
    expect(Math.hypot(a.value[0] + 3, a.value[1] - 48)).toBeLessThan(0.5);
  });

  it('gives every territory of the map a value (zero without poles) and scales the legend to the largest', () => {
    const view: ObservatoryMapView = {
      mesh: 'region',
      territories: [bretagne],
      unlocated: { poles: 0, mobilisedCents: 0, levelPresence: [] },
      poles: [pole('A', '53')],
      polesListed: true,
    };
    const option = mapOption({
      mapName: 'test',
      view,
      shapes: [shape('53', -3, 48), shape('93', 6, 44)],
      metric: 'poles',
      level: 'region',
      nameOf: (code) => code,
      format: String,
      poleLabel: 'Pôle',
    }) as { series: { data: unknown[] }[]; visualMap: { max: number } };
    expect(option.series[0].data).toEqual([
      { name: '53', value: 2 },
      { name: '93', value: 0 },
    ]);
    expect(option.visualMap.max).toBe(2);
    expect(option.series[1].data).toHaveLength(1);
  });
});
