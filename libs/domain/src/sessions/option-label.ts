import { Lever } from '../vocabulary/levers.js';
import { type Locale, labelOf } from '../vocabulary/vocabulary.js';

/**
 * A vote option's label in the reader's language: an option on one of the 8 levers (its key is the lever's and its
 * label the lever's name in either language) is named from the vocabulary; any other option keeps the text written.
 */
export function optionLabelIn(option: { key: string; label: string }, locale: Locale): string {
  if (!(Lever.keys as readonly string[]).includes(option.key)) return option.label;
  const key = option.key as (typeof Lever.keys)[number];
  const known = [labelOf(Lever, key, 'fr'), labelOf(Lever, key, 'en')];
  return known.includes(option.label) ? labelOf(Lever, key, locale) : option.label;
}
