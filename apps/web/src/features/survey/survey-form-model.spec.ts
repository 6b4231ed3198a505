import { describe, expect, it } from '@jest/globals';
import { answersFromDraft, draftFromAnswers } from './survey-form-model';

const answers = {
  facts: {
    foundedYear: 2009,
    cellBudgetCents: 18_000_050,
    cellSelfFinancedPercent: 22.5,
    cellFte: 1.75,
    memberStructureCount: 31,
    employeeCount: 240,
    consolidatedBudgetCents: null,
  },
  funding: [{ funderId: 'f', amountCents: 1_250_050, status: 'paid' as const }],
  relations: [{ organisationId: 'o', evolution: 'weakening' as const, cause: 'Élections' }],
};

describe('survey form model', () => {
  it('shows figures the French way and reads them back exactly', () => {
    const draft = draftFromAnswers(answers, 'fr');
    expect(draft.facts.cellFte).toBe('1,75');
    expect(draft.facts.foundedYear).toBe('2009');
    expect(draft.facts.cellBudgetCents.replace(/\s/g, ' ')).toBe('180 000,50');
    expect(draft.facts.consolidatedBudgetCents).toBe('');
    expect(answersFromDraft(draft)).toEqual({ ok: true, value: answers });
  });

  it('names the fields that are not numbers or amounts', () => {
    const draft = draftFromAnswers(answers, 'fr');
    draft.facts.cellFte = 'deux';
    draft.funding[0].amount = '12,5,0';
    expect(answersFromDraft(draft)).toEqual({ ok: false, errors: { 'facts.cellFte': 'number', 'funding.0.amountCents': 'amount' } });
  });
});
