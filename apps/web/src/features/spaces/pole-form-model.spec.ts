import { describe, expect, it } from '@jest/globals';
import type { PoleView } from '@concerto/domain';
import { changedFields, isEuroFigure, toFormValues, unreadableFigures } from './pole-form-model';

const NNBSP = '\u202f';

function buildPole(overrides: Partial<PoleView> = {}): PoleView {
  return {
    id: 'pole-1',
    name: 'Pôle Sud Drôme',
    territory: 'Drôme',
    regionCode: null,
    departementCode: null,
    description: '',
    collectiviteLevels: [],
    collectiviteServices: [],
    legalForm: null,
    stage: null,
    perimeter: null,
    implantation: null,
    memberStructureCount: 12,
    structureKinds: [],
    sectors: [],
    activityNatures: [],
    foundedYear: 2015,
    cellBudgetCents: 1250050,
    cellSelfFinancedPercent: 12.5,
    cellFte: null,
    employeeCount: null,
    consolidatedBudgetCents: 30000000,
    ...overrides,
  } as unknown as PoleView;
}

describe('pole form model', () => {
  it('shows key figures the French way: euros with a decimal comma, decimals without grouping', () => {
    const values = toFormValues(buildPole(), 'fr');
    expect(values.cellBudgetCents).toBe(`12${NNBSP}500,50`);
    expect(values.consolidatedBudgetCents).toBe(`300${NNBSP}000`);
    expect(values.cellSelfFinancedPercent).toBe('12,5');
    expect(values.foundedYear).toBe('2015');
    expect(values.cellFte).toBe('');
    expect(values.memberStructureCount).toBe('12');
    expect(values.legalForm).toBe('');
  });

  it('sends nothing when nothing changed', () => {
    const baseline = toFormValues(buildPole(), 'fr');
    expect(changedFields({ ...baseline }, baseline)).toEqual({});
  });

  it('sends changed figures as numbers (cents for euros) and emptied ones as null', () => {
    const baseline = toFormValues(buildPole(), 'fr');
    const values = {
      ...baseline,
      cellBudgetCents: '13 000,5',
      cellSelfFinancedPercent: '',
      cellFte: '1,75',
      memberStructureCount: ' 14 ',
    };
    expect(changedFields(values, baseline)).toEqual({
      cellBudgetCents: 1300050,
      cellSelfFinancedPercent: null,
      cellFte: 1.75,
      memberStructureCount: 14,
    });
  });

  it('names the figures that cannot be read, so the form can say which', () => {
    const values = { ...toFormValues(buildPole(), 'fr'), foundedYear: '2015 ou 2016', cellBudgetCents: 'beaucoup' };
    expect(unreadableFigures(values)).toEqual(['foundedYear', 'cellBudgetCents']);
    expect(isEuroFigure('cellBudgetCents')).toBe(true);
    expect(isEuroFigure('cellFte')).toBe(false);
  });

  it('sends a location left empty as none, and a chosen one as its INSEE codes', () => {
    const baseline = toFormValues(buildPole(), 'fr');
    expect(changedFields({ ...baseline, regionCode: '84', departementCode: '26' }, baseline)).toEqual({ regionCode: '84', departementCode: '26' });
    const located = toFormValues(buildPole({ regionCode: '84', departementCode: '26' }), 'fr');
    expect(changedFields({ ...located, regionCode: '', departementCode: '' }, located)).toEqual({ regionCode: null, departementCode: null });
  });
});
