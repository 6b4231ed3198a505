import type { RelationEvolution, SurveyAnswers, SurveyFacts } from '@concerto/domain';
import { centsToEuroText, formatNumber, parseDecimal, parseEuroAmount } from '../../ui/format';

/** The questionnaire's facts as typed: counts and decimals with a comma, amounts in euros. */
export type FactKey = keyof SurveyFacts;
const AMOUNTS: ReadonlySet<FactKey> = new Set(['cellBudgetCents', 'consolidatedBudgetCents']);
export const CELL_FACTS: readonly FactKey[] = ['foundedYear', 'cellBudgetCents', 'cellSelfFinancedPercent', 'cellFte'];
export const POLE_FACTS: readonly FactKey[] = ['memberStructureCount', 'employeeCount', 'consolidatedBudgetCents'];
export const isAmount = (key: FactKey) => AMOUNTS.has(key);

export interface FundingRow {
  funderId: string;
  amount: string;
  status: 'secured' | 'paid';
}
export interface RelationRow {
  organisationId: string;
  evolution: RelationEvolution;
  cause: string;
}
export interface SurveyDraft {
  facts: Record<FactKey, string>;
  funding: FundingRow[];
  relations: RelationRow[];
}

/** The form's text from an answer, in the interface language ("1,75", "12 500,50"). */
export function draftFromAnswers(answers: SurveyAnswers, language: string): SurveyDraft {
  const facts = {} as Record<FactKey, string>;
  for (const key of [...CELL_FACTS, ...POLE_FACTS]) {
    const value = answers.facts[key];
    if (value === null) facts[key] = '';
    else if (isAmount(key)) facts[key] = centsToEuroText(value, language);
    else facts[key] = key === 'foundedYear' ? String(value) : formatNumber(value, language, 2).replace(/[\s\u00a0\u202f]/g, '');
  }
  return {
    facts,
    funding: answers.funding.map((f) => ({ funderId: f.funderId, amount: centsToEuroText(f.amountCents, language), status: f.status })),
    relations: answers.relations.map((r) => ({ organisationId: r.organisationId, evolution: r.evolution, cause: r.cause })),
  };
}

/** What goes to the server, or the typed fields that are not numbers (keyed by the answer's paths). */
export function answersFromDraft(draft: SurveyDraft): { ok: true; value: unknown } | { ok: false; errors: Record<string, 'number' | 'amount'> } {
  const errors: Record<string, 'number' | 'amount'> = {};
  const facts: Record<string, number | null> = {};
  for (const key of [...CELL_FACTS, ...POLE_FACTS]) {
    const text = draft.facts[key].trim();
    if (text === '') facts[key] = null;
    else if (isAmount(key)) {
      const cents = parseEuroAmount(text);
      if (cents === null) errors[`facts.${key}`] = 'amount';
      facts[key] = cents;
    } else {
      const value = parseDecimal(text);
      if (value === null || Number.isNaN(value)) errors[`facts.${key}`] = 'number';
      facts[key] = value;
    }
  }
  const funding = draft.funding.map((row, i) => {
    const cents = parseEuroAmount(row.amount);
    if (cents === null) errors[`funding.${i}.amountCents`] = 'amount';
    return { funderId: row.funderId || undefined, amountCents: cents ?? undefined, status: row.status };
  });
  const relations = draft.relations.map((row) => ({ organisationId: row.organisationId || undefined, evolution: row.evolution, cause: row.cause }));
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { facts, funding, relations } };
}
