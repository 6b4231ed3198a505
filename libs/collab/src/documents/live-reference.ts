import * as Y from 'yjs';
import { GuideReferenceAttributes, GuideReferenceFilter, GuideReferenceKind, type Locale, Lever, SupportStage, labelOf } from '@concerto/domain';

/**
 * The `liveReference` node of rich text: an atom block (no content) whose attributes say what it points at
 * (`GuideReferenceAttributes`: `kind`, `target`, `filter`, `from`, `to`). Tiptap gives an absent attribute the value
 * null, which y-tiptap never stores; a year may be a number, or its digits as a string after an HTML paste.
 */
export const LIVE_REFERENCE = 'liveReference';
export const LIVE_REFERENCE_ATTRIBUTES = ['kind', 'target', 'filter', 'from', 'to'] as const;
export type LiveReferenceAttribute = (typeof LIVE_REFERENCE_ATTRIBUTES)[number];

const shape = GuideReferenceAttributes.shape;
const YEAR_DIGITS = /^\d{4}$/;

/** A year as stored: an integer, or its four digits as a string; undefined when it is neither. */
export function storedYear(value: unknown): number | undefined {
  const n = typeof value === 'string' && YEAR_DIGITS.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 1900 && n <= 2100 ? n : undefined;
}

/** Whether one attribute of a liveReference node holds an acceptable value, checked as the contract checks it. */
export const LIVE_REFERENCE_CHECKS: Readonly<Record<LiveReferenceAttribute, (value: unknown) => boolean>> = {
  kind: (v) => GuideReferenceKind.safeParse(v).success,
  target: (v) => typeof v === 'string' && shape.target.safeParse(v).success,
  filter: (v) => GuideReferenceFilter.safeParse(v).success,
  from: (v) => storedYear(v) !== undefined,
  to: (v) => storedYear(v) !== undefined,
};

/** The attributes of a stored liveReference element as the contract's value, or null when they do not make one. */
export function referenceAttributes(element: Y.XmlElement): GuideReferenceAttributes | null {
  const stored = element.getAttributes() as Record<string, unknown>;
  const candidate: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(stored)) {
    if (value === null || value === undefined) continue;
    candidate[name] = name === 'from' || name === 'to' ? (storedYear(value) ?? value) : value;
  }
  const parsed = GuideReferenceAttributes.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}

/** Every liveReference of a fragment, in reading order (null for one whose attributes are not valid). */
export function referencesIn(fragment: Y.XmlFragment | Y.XmlElement): (GuideReferenceAttributes | null)[] {
  const found: (GuideReferenceAttributes | null)[] = [];
  const stack: (Y.XmlElement | Y.XmlText)[] = (fragment.toArray() as (Y.XmlElement | Y.XmlText)[]).reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (!(node instanceof Y.XmlElement)) continue;
    if (node.nodeName === LIVE_REFERENCE) found.push(referenceAttributes(node));
    else stack.push(...(node.toArray() as (Y.XmlElement | Y.XmlText)[]).reverse());
  }
  return found;
}

/** One key per meaning: the same reference written twice is resolved once. */
export function referenceKey(reference: GuideReferenceAttributes | null): string {
  if (!reference) return 'invalid';
  return LIVE_REFERENCE_ATTRIBUTES.map((name) => `${name}=${reference[name] ?? ''}`).join('&');
}

const KIND_WORDS: Record<Locale, Record<GuideReferenceKind, string>> = {
  fr: {
    poles: 'Le territoire et ses pôles',
    funding_table: 'Tableau des financements',
    panorama: 'Panorama chiffré',
    testimonies: 'Témoignages validés',
    testimony: 'Témoignage',
    recommendations: 'Préconisations retenues',
    recommendation: 'Préconisation',
    analyses: 'Analyses',
    analysis: 'Analyse',
  },
  en: {
    poles: 'The territory and its poles',
    funding_table: 'Funding table',
    panorama: 'Key figures',
    testimonies: 'Validated testimonies',
    testimony: 'Testimony',
    recommendations: 'Retained recommendations',
    recommendation: 'Recommendation',
    analyses: 'Analyses',
    analysis: 'Analysis',
  },
};

/**
 * A reference worded for a text-only output (Markdown, a document that cannot show its values):
 * « Référence vivante : Témoignages validés — Accompagnement, 2020–2023 ».
 */
export function describeReference(reference: GuideReferenceAttributes | null, locale: Locale): string {
  const lead = locale === 'fr' ? 'Référence vivante' : 'Live reference';
  if (!reference) return `${lead}${locale === 'fr' ? ' : invalide' : ': invalid'}`;
  const parts = [KIND_WORDS[locale][reference.kind]];
  if (reference.filter) {
    const [by, key] = reference.filter.split(':');
    parts.push(by === 'stage' ? labelOf(SupportStage, key as SupportStage, locale) : labelOf(Lever, key as Lever, locale));
  }
  const years = reference.from !== undefined || reference.to !== undefined ? `${reference.from ?? '…'}–${reference.to ?? '…'}` : '';
  return `${lead}${locale === 'fr' ? ' : ' : ': '}${parts.join(' — ')}${years ? `, ${years}` : ''}`;
}
