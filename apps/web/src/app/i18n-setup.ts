import { ALL_VOCABULARIES, DEFAULT_LOCALE, LOCALES, type Locale, type Vocabulary } from '@concerto/domain';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { storedLocale } from '../i18n/locale';
import { enUiStrings, frUiStrings } from './ui-strings';

/*
 * Sets up i18next's single instance at start (imported first by main.tsx): the app assembles the
 * strings of every area, so the lower layers (i18n/, api/, ui/) never import a feature.
 */

const UI_STRINGS = { fr: frUiStrings, en: enUiStrings } as const;

/** `vocab.<vocabulary.name>.<key>` for every vocabulary of the domain, in one language. */
function vocabularyResources(locale: Locale): Record<string, Record<string, string>> {
  const resources: Record<string, Record<string, string>> = {};
  for (const vocabulary of ALL_VOCABULARIES as readonly Vocabulary<string>[]) {
    resources[vocabulary.name] = Object.fromEntries(vocabulary.keys.map((key) => [key, vocabulary.labels[key][locale]]));
  }
  return resources;
}

const resources = Object.fromEntries(LOCALES.map((locale) => [locale, { translation: { ...UI_STRINGS[locale], vocab: vocabularyResources(locale) } }]));

void i18n.use(initReactI18next).init({
  resources,
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
