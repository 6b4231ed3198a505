import { median } from '@concerto/domain';
import { ROUND_STEP_CENTS, STUDY_FUNDING_TABLE, fundingPlan, studyFundingPlan } from './study-funding-plan.js';

const K = 100_000;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('study funding plan', () => {
  it('reproduces total, count and median exactly when they are compatible, in round figures', () => {
    for (const [total, count, mid] of [
      [796 * K, 20, 17 * K],
      [333 * K, 15, 28 * K],
      [1239 * K, 29, 10 * K],
      [1008 * K, 24, 33 * K],
      [776 * K, 7, 70 * K],
      [12 * K, 1, 12 * K],
      [30 * K, 2, 15 * K],
      [100 * K, 3, 40 * K],
      [55 * K, 10, 5 * K],
    ]) {
      const plan = fundingPlan(total, count, mid);
      expect(plan).toHaveLength(count);
      expect(sum(plan)).toBe(total);
      expect(median(plan)).toBe(mid);
      for (const value of plan) {
        expect(value).toBeGreaterThan(0);
        expect(value % ROUND_STEP_CENTS).toBe(0);
      }
    }
  });

  it('gives every amount of the study in round figures: whole thousands from 5 000 €, nothing like 89 181,81 €', () => {
    for (const { amounts } of studyFundingPlan()) {
      for (const value of amounts) {
        expect(value % ROUND_STEP_CENTS).toBe(0);
        if (value >= 5 * K) expect(value % K).toBe(0);
      }
      // Smallest first, as they are handed to projects.
      expect(amounts).toEqual([...amounts].sort((a, b) => a - b));
    }
  });

  it('reproduces every row of the study table but the Communes median exactly', () => {
    const plan = studyFundingPlan();
    for (const [i, row] of STUDY_FUNDING_TABLE.entries()) {
      expect(plan[i].level).toBe(row.level);
      expect(sum(plan[i].amounts)).toBe(row.totalK * K);
      expect(plan[i].amounts).toHaveLength(row.projects);
      if (row.level !== 'commune') expect(median(plan[i].amounts)).toBe(row.medianK * K);
    }
  });

  it('keeps total and count of the Communes row, whose published median cannot go with them, and the largest median possible', () => {
    const communes = STUDY_FUNDING_TABLE[0];
    // 16 projects with a median of 30 k€ need at least 9 × 30 k€.
    expect(9 * communes.medianK).toBeGreaterThan(communes.totalK);
    const plan = studyFundingPlan()[0].amounts;
    expect(sum(plan)).toBe(246 * K);
    expect(plan).toHaveLength(16);
    // 7 amounts of at least 500 € below, 9 of at least the median from the 8th up: 27 k€ would need 246,5 k€.
    expect(median(plan)).toBe(26 * K);
  });
});
