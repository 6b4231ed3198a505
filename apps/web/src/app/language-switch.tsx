import { LOCALES } from '@concerto/domain';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n/use-language';

/** "FR | EN": each button is named in its own language and says whether it is the current one. */
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
          <button
            type="button"
            className="lang-switch__button"
            lang={locale}
            aria-label={t(`language.${locale}`)}
            aria-pressed={language === locale}
            onClick={() => changeLanguage(locale)}
          >
            {locale.toUpperCase()}
          </button>
        </Fragment>
      ))}
    </div>
  );
}
