import type { FrUiStrings } from './ui-strings';

/** `vocab.<vocabulary>.<key>`: the labels of the domain's vocabularies, built at start from `@concerto/domain`. */
type VocabularyStrings = Record<string, Record<string, string>>;

// Typed keys: `t('unknown.key')` is a compile error, in every area (French is the reference).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: FrUiStrings & { vocab: VocabularyStrings } };
  }
}
