import { z } from 'zod';

export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';

/** A label in every supported language; French first. */
export type Labels = Readonly<Record<Locale, string>>;

export interface Vocabulary<K extends string> {
  /** Stable identifier, used as the i18n namespace key (`vocab.<name>.<key>`). */
  readonly name: string;
  readonly keys: readonly [K, ...K[]];
  readonly labels: Readonly<Record<K, Labels>>;
  readonly schema: z.ZodEnum<{ [P in K]: P }>;
}

/** Declares an enum whose keys are English identifiers and whose labels are French and English. */
export function defineVocabulary<const K extends string>(name: string, labels: Record<K, Labels>): Vocabulary<K> {
  const keys = Object.keys(labels) as [K, ...K[]];
  return { name, keys, labels, schema: z.enum(keys) as unknown as z.ZodEnum<{ [P in K]: P }> };
}

export function labelOf<K extends string>(vocabulary: Vocabulary<K>, key: K, locale: Locale = DEFAULT_LOCALE): string {
  return vocabulary.labels[key][locale];
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
