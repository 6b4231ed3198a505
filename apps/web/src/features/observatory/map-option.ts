import type { ObservatoryMapView } from '@concerto/domain';
import type { ChartOption } from '../../ui/chart/chart';
import type { TerritoryShape } from './observatory-map-api';

/** What shades the territories: the money mobilised, the number of poles, or the poles linked to one collectivité level. */
export type MapMetric = 'money' | 'poles' | 'presence';

type Territory = ObservatoryMapView['territories'][number];

/** The value a territory is shaded by (euros for money, so the legend reads in euros). */
export function metricValue(territory: Pick<Territory, 'mobilisedCents' | 'poles' | 'levelPresence'>, metric: MapMetric, level: string): number {
  if (metric === 'money') return territory.mobilisedCents / 100;
  if (metric === 'poles') return territory.poles;
  return territory.levelPresence.find((p) => p.level === level)?.poles ?? 0;
}

/**
 * Where each located pole is drawn: at the inner point of its territory (poles have no coordinates of their own),
 * several poles of one territory spread on a small circle around it so that each stays visible.
 */
export function polePositions(
  poles: ObservatoryMapView['poles'],
  shapes: readonly TerritoryShape[],
  codeOf: (pole: ObservatoryMapView['poles'][number]) => string | null,
): { name: string; value: [number, number] }[] {
  const shapeOf = new Map(shapes.map((shape) => [shape.properties.code, shape]));
  const byTerritory = new Map<string, ObservatoryMapView['poles'][number][]>();
  for (const pole of poles) {
    const code = codeOf(pole);
    if (!code || !shapeOf.has(code)) continue;
    const here = byTerritory.get(code);
    if (here) here.push(pole);
    else byTerritory.set(code, [pole]);
  }
  return [...byTerritory].flatMap(([code, here]) => {
    const { cx, cy } = shapeOf.get(code)!.properties;
    const radius = here.length > 1 ? 0.18 : 0;
    return here.map((pole, i) => {
      const angle = (2 * Math.PI * i) / here.length;
      return { name: pole.name, value: [cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)] as [number, number] };
    });
  });
}

export interface MapOptionInput {
  mapName: string;
  view: ObservatoryMapView;
  shapes: readonly TerritoryShape[];
  metric: MapMetric;
  level: string;
  /** A territory's name by its code, and a value as shown (money in euros, counts). */
  nameOf: (code: string) => string;
  format: (value: number) => string;
  poleLabel: string;
}

/** The ECharts option of the map: territories shaded by the metric (continuous scale from white), poles as dots. */
export function mapOption({ mapName, view, shapes, metric, level, nameOf, format, poleLabel }: MapOptionInput): ChartOption {
  const values = new Map(view.territories.map((t) => [t.code as string, metricValue(t, metric, level)]));
  const max = Math.max(1, ...values.values());
  const codeOf = (pole: ObservatoryMapView['poles'][number]) => (view.mesh === 'region' ? pole.regionCode : pole.departementCode);
  return {
    tooltip: {
      trigger: 'item',
      formatter: (params: { seriesType?: string; name: string; value?: unknown }) =>
        params.seriesType === 'scatter'
          ? `${poleLabel} : ${params.name}`
          : `${nameOf(params.name)} : ${format(typeof params.value === 'number' && !Number.isNaN(params.value) ? params.value : 0)}`,
    },
    visualMap: {
      type: 'continuous',
      min: 0,
      max,
      seriesIndex: 0,
      calculable: false,
      left: 'right',
      bottom: 10,
      text: [format(max), format(0)],
      inRange: { color: ['#eef4fb', '#1d5c96'] },
    },
    geo: {
      map: mapName,
      nameProperty: 'code',
      roam: false,
      aspectScale: 0.72,
      layoutCenter: ['45%', '50%'],
      layoutSize: '95%',
      itemStyle: { areaColor: '#f4f4f4', borderColor: '#6b6b6b', borderWidth: 0.6 },
      emphasis: { itemStyle: { areaColor: '#f2c14e' }, label: { show: false } },
      select: { disabled: true },
    },
    series: [
      {
        type: 'map',
        geoIndex: 0,
        data: shapes.map((shape) => ({ name: shape.properties.code, value: values.get(shape.properties.code) ?? 0 })),
      },
      {
        type: 'scatter',
        coordinateSystem: 'geo',
        symbolSize: 9,
        itemStyle: { color: '#c0392b', borderColor: '#ffffff', borderWidth: 1.5 },
        data: polePositions(view.poles, shapes, codeOf),
      },
    ],
  };
}
