import type { ChartOption } from './chart';

/** The theme's colours with at least 4.5:1 contrast on white (theme.css): bars and lines stay readable. */
export const CHART_COLORS = {
  accent: '#000091',
  success: '#18753c',
  warning: '#8d3300',
  error: '#ce0500',
  muted: '#3a3a3a',
  text: '#161616',
  grid: '#dddddd',
} as const;

export interface SeriesSpec {
  name: string;
  kind: 'bar' | 'line';
  /** One value per category; null leaves a gap. */
  values: readonly (number | null)[];
  color?: string;
  /** Series with the same stack are drawn on top of each other. */
  stack?: string;
}

/**
 * A bar or line chart over categories (years, dates, levels), with the interface language's number format on the
 * axis and in the tooltip (« 12 500,5 »). `horizontal` lays the categories on the vertical axis (long labels).
 */
export function categorySeriesOption({
  categories,
  series,
  format,
  horizontal = false,
  max,
}: {
  categories: readonly string[];
  series: readonly SeriesSpec[];
  format: (value: number) => string;
  horizontal?: boolean;
  max?: number;
}): ChartOption {
  const legend = series.length > 1;
  const categoryAxis = { type: 'category', data: categories, axisLabel: { color: CHART_COLORS.text }, axisLine: { lineStyle: { color: CHART_COLORS.muted } } };
  const valueAxis = {
    type: 'value',
    max,
    axisLabel: { color: CHART_COLORS.text, formatter: (value: number) => format(value) },
    splitLine: { lineStyle: { color: CHART_COLORS.grid } },
  };
  const palette = [CHART_COLORS.accent, CHART_COLORS.success, CHART_COLORS.warning, CHART_COLORS.error, CHART_COLORS.muted];
  return {
    color: series.map((s, i) => s.color ?? palette[i % palette.length]),
    textStyle: { fontFamily: 'Marianne, system-ui, sans-serif' },
    grid: { left: 8, right: 24, top: legend ? 40 : 16, bottom: 8, containLabel: true },
    legend: legend ? { top: 0, textStyle: { color: CHART_COLORS.text } } : undefined,
    tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => (typeof value === 'number' ? format(value) : '—') },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
    series: series.map((s) => ({
      name: s.name,
      type: s.kind,
      data: s.values,
      stack: s.stack,
      symbolSize: 8,
      barMaxWidth: 48,
      lineStyle: s.kind === 'line' ? { width: 3 } : undefined,
    })),
  };
}
