import { labelOf, type Locale, type Vocabulary } from '@concerto/domain';

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

/**
 * A column header as people type it, folded for comparison: accents, case and punctuation ignored, `€` read as
 * « euros » (`Montant (€)`, `montant_euros` and `MONTANT EUROS` all give `montant euros`).
 */
export const foldHeader = (text: string) =>
  fold(text)
    .replace(/€/g, ' euros ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** A vocabulary value written as its key or as its French or English label, accents and case ignored. */
export function matchVocabulary<K extends string>(vocabulary: Vocabulary<K>, text: string): K | undefined {
  const wanted = fold(text);
  return vocabulary.keys.find((key) => fold(key) === wanted || fold(vocabulary.labels[key].fr) === wanted || fold(vocabulary.labels[key].en) === wanted);
}

export const LIST_SEPARATOR = '|';
export const splitList = (text: string) =>
  text
    .split(LIST_SEPARATOR)
    .map((s) => s.trim())
    .filter(Boolean);

export const labelsOf = <K extends string>(vocabulary: Vocabulary<K>, keys: readonly K[], locale: Locale = 'fr') =>
  keys.map((k) => labelOf(vocabulary, k, locale)).join(` ${LIST_SEPARATOR} `);

/** `2026-03-01` or the French `01/03/2026`; null when empty, undefined when unreadable. */
export function parseDay(text: string): string | null | undefined {
  const value = text.trim();
  if (!value) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const french = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  return french ? `${french[3]}-${french[2].padStart(2, '0')}-${french[1].padStart(2, '0')}` : undefined;
}

/** Euros written the French way (`12 500,50`, `12500,5 €`) or with a dot, to integer cents; undefined when unreadable. */
export function parseEuros(text: string): number | undefined {
  const compact = text.replace(/[\s\u00a0\u202f€]/g, '');
  if (!/^\d+([.,]\d{1,2})?$/.test(compact)) return undefined;
  const [units, decimals = ''] = compact.split(/[.,]/);
  return Number(units) * 100 + Number(decimals.padEnd(2, '0'));
}
