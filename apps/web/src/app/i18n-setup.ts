import { ALL_VOCABULARIES, DEFAULT_LOCALE, LOCALES, type Locale, type Vocabulary } from '@concerto/domain';
import i18n, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { storedLocale } from '../i18n/locale';
import { frCoreStrings } from './ui-strings';

/*
 * Sets up i18next's single instance at start (imported first by main.tsx): the app assembles the
 * strings of every area, so the lower layers (i18n/, api/, ui/) never import a feature. The French
 * strings of the first pages are bundled in the entry, the other areas' come with their pages
 * (`loadAreaStrings`, awaited by the router); the English strings are a chunk of their own, loaded
 * when English is asked for (a stored choice, the account's language, the switch): i18next waits
 * for it before switching, and shows French meanwhile.
 */

/** `vocab.<vocabulary.name>.<key>` for every vocabulary of the domain, in one language. */
function vocabularyResources(locale: Locale): Record<string, Record<string, string>> {
  const resources: Record<string, Record<string, string>> = {};
  for (const vocabulary of ALL_VOCABULARIES as readonly Vocabulary<string>[]) {
    resources[vocabulary.name] = Object.fromEntries(vocabulary.keys.map((key) => [key, vocabulary.labels[key][locale]]));
  }
  return resources;
}

/** Loads a language that the first page does not carry (today English) as a chunk. */
const lazyLanguages: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, _namespace, callback) {
    if (language !== 'en') return callback(null, {});
    import('./ui-strings-en').then(
      ({ enUiStrings }) => callback(null, { ...enUiStrings, vocab: vocabularyResources('en') } as ResourceKey),
      (error: unknown) => callback(error instanceof Error ? error.message : String(error), null),
    );
  },
};

void i18n
  .use(lazyLanguages)
  .use(initReactI18next)
  .init({
    resources: { [DEFAULT_LOCALE]: { translation: { ...frCoreStrings, vocab: vocabularyResources(DEFAULT_LOCALE) } } },
    partialBundledLanguages: true,
    lng: storedLocale() ?? DEFAULT_LOCALE,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...LOCALES],
    initAsync: false,
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });

function syncDocumentLanguage(language: string): void {
  document.documentElement.lang = language;
}
syncDocumentLanguage(i18n.language);
i18n.on('languageChanged', syncDocumentLanguage);

let areaStrings: Promise<void> | undefined;

/** Adds the French strings of the areas past the spaces list (once; again after a failed attempt, e.g. offline). */
export function loadAreaStrings(): Promise<void> {
  areaStrings ??= import('./ui-strings-areas').then(
    ({ frAreaStrings }) => {
      i18n.addResourceBundle(DEFAULT_LOCALE, 'translation', frAreaStrings, true, false);
    },
    (error: unknown) => {
      areaStrings = undefined;
      throw error;
    },
  );
  return areaStrings;
}
