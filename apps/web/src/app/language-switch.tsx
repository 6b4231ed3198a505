import { LOCALES } from '@concerto/domain';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from './use-language';

/**
 * "FR | EN": each button shows the language code and is named "Français" / "English", in that
 * language (`lang`), and says whether it is the current one (`aria-pressed`). The name comes from
 * hidden text rather than `aria-label`, which axe reports as a label/content mismatch (WCAG 2.5.3).
 */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { language, changeLanguage } = useLanguage();
  return (
    <div className="lang-switch" role="group" aria-label={t('header.languages')}>
      {LOCALES.map((locale, index) => (
        <Fragment key={locale}>
          {index > 0 ? (
            <span className="lang-switch__separator" aria-hidden="true">
              |
            </span>
          ) : null}
          <button type="button" className="lang-switch__button" lang={locale} aria-pressed={language === locale} onClick={() => changeLanguage(locale)}>
            <span aria-hidden="true">{locale.toUpperCase()}</span>
            <span className="sr-only">{t(`language.${locale}`)}</span>
          </button>
        </Fragment>
      ))}
    </div>
  );
}
