import { ALL_VOCABULARIES, DEFAULT_LOCALE, LOCALES, isLocale, type Locale, type Vocabulary } from '@concerto/domain';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { fr } from './fr';

const STORAGE_KEY = 'concerto.locale';
const UI_STRINGS = { fr, en } as const;

/** `vocab.<vocabulary.name>.<key>` for every vocabulary of the domain, in one language. */
function vocabularyResources(locale: Locale): Record<string, Record<string, string>> {
  const resources: Record<string, Record<string, string>> = {};
  for (const vocabulary of ALL_VOCABULARIES as readonly Vocabulary<string>[]) {
    resources[vocabulary.name] = Object.fromEntries(vocabulary.keys.map((key) => [key, vocabulary.labels[key][locale]]));
  }
  return resources;
}

function storedLocale(): Locale | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

/** Remembers the user's explicit choice in this browser. */
export function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private browsing or storage disabled: the choice lasts for this page only.
  }
}

export function hasStoredLocale(): boolean {
  return storedLocale() !== null;
}

export function currentLocale(): Locale {
  return isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LOCALE;
}

const resources = Object.fromEntries(
  LOCALES.map((locale) => [locale, { translation: { ...UI_STRINGS[locale], vocab: vocabularyResources(locale) } }]),
);

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

export default i18n;
