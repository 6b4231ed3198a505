import { median } from '@concerto/domain';
import { STUDY_FUNDING_TABLE, fundingPlan, studyFundingPlan } from './study-funding-plan.js';

describe('study funding plan', () => {
  it('reproduces total, count and median exactly when they are compatible', () => {
    for (const [total, count, mid] of [
      [79_600_000, 20, 1_700_000],
      [33_300_000, 15, 2_800_000],
      [123_900_000, 29, 1_000_000],
      [100_800_000, 24, 3_300_000],
      [77_600_000, 7, 7_000_000],
      [1000, 1, 1000],
      [3000, 2, 1500],
    ]) {
      const plan = fundingPlan(total, count, mid);
      expect(plan).toHaveLength(count);
      expect(plan.reduce((a, b) => a + b, 0)).toBe(total);
      expect(median(plan)).toBe(mid);
      expect(Math.min(...plan)).toBeGreaterThan(0);
      for (const value of plan) expect(Number.isInteger(value)).toBe(true);
    }
  });

  it('keeps total and count of the Communes row, whose published median cannot go with them', () => {
    const communes = STUDY_FUNDING_TABLE[0];
    // 16 projects with a median of 30 k€ need at least 9 × 30 k€.
    expect(9 * communes.medianK).toBeGreaterThan(communes.totalK);
    const plan = studyFundingPlan()[0].amounts;
    expect(plan.reduce((a, b) => a + b, 0)).toBe(24_600_000);
    expect(plan).toHaveLength(16);
    expect(median(plan)!).toBeLessThan(3_000_000);
    expect(median(plan)!).toBeGreaterThan(2_500_000);
  });
});
