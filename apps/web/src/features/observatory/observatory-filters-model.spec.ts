import { describe, expect, it } from '@jest/globals';
import { EMPTY_FILTERS, periodErrors, toQuery, type FilterFormValues } from './observatory-filters-model';

const filters = (overrides: Partial<FilterFormValues>): FilterFormValues => ({ ...EMPTY_FILTERS, ...overrides });

describe('observatory filters', () => {
  it('sends nothing for empty filters and the default statuses', () => {
    expect(toQuery(EMPTY_FILTERS)).toEqual({});
    expect(toQuery(filters({ statuses: ['paid', 'secured'] }))).toEqual({});
  });

  it('sends trimmed texts, years as numbers and non-default statuses', () => {
    expect(toQuery(filters({ from: ' 2024 ', to: '2026', territory: '  Drôme ', statuses: ['requested'], sector: '' }))).toEqual({
      from: 2024,
      to: 2026,
      territory: 'Drôme',
      statuses: ['requested'],
    });
  });

  it('leaves out years that are not four digits (the form shows the error)', () => {
    expect(toQuery(filters({ from: '24' }))).toEqual({});
    expect(periodErrors(filters({ from: '24', to: 'deux mille' }))).toEqual({ from: 'year', to: 'year' });
  });

  it('refuses a period that ends before it starts', () => {
    expect(periodErrors(filters({ from: '2026', to: '2024' }))).toEqual({ to: 'order' });
    expect(periodErrors(filters({ from: '2024', to: '2024' }))).toEqual({});
  });
});
