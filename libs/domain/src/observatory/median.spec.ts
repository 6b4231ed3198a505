import { fundingTable, median, shareOf } from '../index.js';

describe('median', () => {
  it('is null for an empty set', () => expect(median([])).toBeNull());
  it('is the middle value for an odd count', () => expect(median([30, 10, 20])).toBe(20));
  it('is the mean of the two middle values for an even count', () => expect(median([40, 10, 30, 20])).toBe(25));
  it('handles ties and a single value', () => {
    expect(median([5, 5, 5, 9])).toBe(5);
    expect(median([7])).toBe(7);
    expect(median([1, 2, 2, 2, 3])).toBe(2);
  });
  it('sorts numerically, not as text', () => expect(median([100, 9, 20])).toBe(20));
  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('fundingTable', () => {
  it('sums lines per project before taking the median', () => {
    const table = fundingTable([
      { projectId: 'a', level: 'region', amountCents: 100 },
      { projectId: 'a', level: 'region', amountCents: 300 },
      { projectId: 'b', level: 'region', amountCents: 100 },
      { projectId: 'b', level: 'europe', amountCents: 1000 },
    ]);
    const region = table.rows.find((r) => r.level === 'region')!;
    expect(region).toEqual({ level: 'region', totalCents: 500, projectCount: 2, medianCents: 250 });
    expect(table.rows.find((r) => r.level === 'commune')).toEqual({ level: 'commune', totalCents: 0, projectCount: 0, medianCents: null });
    expect(table.total).toEqual({ totalCents: 1500, projectCount: 2, medianCents: 750 });
  });
  it('gives every level a row on an empty set', () => {
    const table = fundingTable([]);
    expect(table.rows).toHaveLength(8);
    expect(table.total).toEqual({ totalCents: 0, projectCount: 0, medianCents: null });
  });
  it('reports no share rather than 0 % when there is nothing to divide', () => {
    expect(shareOf(1, 0)).toBeNull();
    expect(shareOf(3, 4)).toBe(0.75);
  });
});
