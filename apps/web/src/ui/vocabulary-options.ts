import type { Vocabulary } from '@concerto/domain';
import type { TFunction } from 'i18next';
import type { Option } from './field';

/** The keys of a shared vocabulary as form options, labelled in the interface language. */
export function vocabularyOptions<K extends string>(t: TFunction, vocabulary: Vocabulary<K>): Option<K>[] {
  return vocabulary.keys.map((key) => ({ value: key, label: t(`vocab.${vocabulary.name}.${key}`) }));
}
