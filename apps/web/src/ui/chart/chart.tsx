import { useEffect, useId, useRef, type ReactNode } from 'react';
import type { EChartsCoreOption, ECharts } from 'echarts/core';
import type { echarts as EChartsLib } from './echarts-setup';

/** What a chart draws: an ECharts option (series, axes…); the wrapper adds the accessible name and the SVG renderer. */
export type ChartOption = EChartsCoreOption;

export interface ChartProps {
  /** Visible title of the figure; also the chart's accessible name. */
  title: ReactNode;
  /** One sentence that says what the chart shows, read by screen readers in place of the drawing. */
  summary: string;
  option: ChartOption;
  /** The same figures as a table (keyboard and screen-reader alternative), shown under the chart on demand. */
  table: ReactNode;
  /** Label of the disclosure that shows the table ("Voir les données en tableau"). */
  tableLabel: string;
  height?: number;
  /** Called with the instance once drawn (e.g. to listen to clicks on a map). */
  onReady?: (chart: ECharts) => void;
  /** Before drawing: e.g. register a map's boundaries. */
  prepare?: (lib: typeof EChartsLib) => void;
  className?: string;
}

/**
 * A figure drawn by ECharts (lazy-loaded, SVG), named by its title, described by a one-sentence summary,
 * with its data as a table for keyboard and screen-reader users. The drawing itself is hidden from
 * assistive technologies: the table carries the figures.
 */
export function Chart({ title, summary, option, table, tableLabel, height = 260, onReady, prepare, className }: ChartProps) {
  const titleId = useId();
  const summaryId = useId();
  const host = useRef<HTMLDivElement>(null);
  const instance = useRef<ECharts | null>(null);
  const ready = useRef(onReady);
  ready.current = onReady;
  const before = useRef(prepare);
  before.current = prepare;

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    void import('./echarts-setup').then(({ echarts }) => {
      if (disposed || !host.current) return;
      before.current?.(echarts);
      const chart = instance.current ?? echarts.init(host.current, undefined, { renderer: 'svg' });
      instance.current = chart;
      chart.setOption({ aria: { enabled: false }, animation: false, ...option }, { notMerge: true });
      ready.current?.(chart);
      if (typeof ResizeObserver !== 'undefined') {
        observer = new ResizeObserver(() => chart.resize());
        observer.observe(host.current);
      }
    });
    return () => {
      disposed = true;
      observer?.disconnect();
    };
  }, [option]);

  useEffect(
    () => () => {
      instance.current?.dispose();
      instance.current = null;
    },
    [],
  );

  return (
    <figure className={className ? `chart ${className}` : 'chart'} aria-labelledby={titleId} aria-describedby={summaryId}>
      <figcaption className="chart__title" id={titleId}>
        {title}
      </figcaption>
      <p className="sr-only" id={summaryId}>
        {summary}
      </p>
      <div className="chart__drawing" ref={host} style={{ height }} aria-hidden="true" />
      <details className="chart__data">
        <summary>{tableLabel}</summary>
        {table}
      </details>
    </figure>
  );
}
