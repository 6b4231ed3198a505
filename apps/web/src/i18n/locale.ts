import { DEFAULT_LOCALE, isLocale, type Locale } from '@concerto/domain';
import i18n from 'i18next';

/*
 * The interface language, at the bottom of the app: the HTTP client, the i18n setup and the
 * language switch all read it here, so none of them imports another.
 */

const STORAGE_KEY = 'concerto.locale';

/** The language chosen in this browser, if any. */
export function storedLocale(): Locale | null {
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

/** The language the interface shows now (i18next's single instance, set up by the app). */
export function currentLocale(): Locale {
  return isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LOCALE;
}

/** The language sent to the server with each request. */
export function requestLanguage(): string {
  return i18n.resolvedLanguage ?? i18n.language ?? DEFAULT_LOCALE;
}
