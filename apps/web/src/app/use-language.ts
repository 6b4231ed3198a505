import type { AccountView, Locale } from '@concerto/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/account';
import { api } from '../api/client';
import { queryKeys } from '../api/query-keys';
import { currentLocale, hasStoredLocale, storeLocale } from '../i18n/locale';

/** The interface language and a way to change it (remembered locally, and on the account when signed in). */
export function useLanguage() {
  const { i18n } = useTranslation();
  const { data: me } = useMe();
  const queryClient = useQueryClient();

  const changeLanguage = (locale: Locale) => {
    storeLocale(locale);
    void i18n.changeLanguage(locale);
    if (me && me.locale !== locale) {
      api
        .patch<AccountView>('/api/auth/me', { locale })
        .then((account) => queryClient.setQueryData(queryKeys.me, account))
        .catch(() => undefined); // The local choice already applies; the account keeps its previous preference.
    }
  };

  return { language: currentLocale(), changeLanguage };
}

/** Without a choice made in this browser, follow the signed-in account's preferred language. */
export function useAccountLanguage(): void {
  const { i18n } = useTranslation();
  const { data: me } = useMe();
  const accountLocale = me?.locale;
  useEffect(() => {
    if (accountLocale && !hasStoredLocale() && accountLocale !== i18n.resolvedLanguage) {
      void i18n.changeLanguage(accountLocale);
    }
  }, [accountLocale, i18n]);
}
