import { indicatorsOverTime, type PoleIndicatorValue } from './indicator-figures.js';

const value = (poleId: string, kind: PoleIndicatorValue['kind'], year: number, v: number, projects = 1): PoleIndicatorValue => ({
  poleId,
  kind,
  year,
  value: v,
  projects,
});

describe('indicatorsOverTime', () => {
  it('adds the poles up per year, with the median over the poles that measured the indicator', () => {
    const view = indicatorsOverTime({ from: 2020 }, [
      value('a', 'fte', 2021, 1.5),
      value('b', 'fte', 2021, 2, 2),
      value('c', 'fte', 2021, 0.5),
      value('d', 'fte', 2021, 4),
      value('a', 'fte', 2020, 0.1),
      value('b', 'fte', 2020, 0.2),
    ]);
    expect(view.period).toEqual({ from: 2020, to: null });
    const fte = view.indicators.find((i) => i.kind === 'fte')!;
    expect(fte.headline).toBe('median');
    expect(fte.years).toEqual([
      // 0,1 + 0,2 is shown as 0,3, not 0,30000000000000004.
      { year: 2020, total: 0.3, medianPerPole: 0.15, poles: 2, projects: 2 },
      // Four poles: the mean of the two middle values.
      { year: 2021, total: 8, medianPerPole: 1.75, poles: 4, projects: 5 },
    ]);
    expect(view.indicators.find((i) => i.kind === 'jobs_created')).toEqual({ kind: 'jobs_created', headline: 'total', years: [] });
    expect(view.indicators).toHaveLength(6);
  });
});
