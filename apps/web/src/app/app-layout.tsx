import { useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { useAccountLanguage } from './use-language';
import { SiteHeader } from './site-header';
import { useFocusOnNavigation } from './use-focus-on-navigation';
import { useHashTarget } from './use-hash-target';
import { UpdateBanner } from './update-banner';

export function AppLayout() {
  const { t } = useTranslation();
  const mainRef = useRef<HTMLElement>(null);
  useAccountLanguage();
  useFocusOnNavigation(mainRef);
  useHashTarget();

  const skipToContent = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    mainRef.current?.focus();
    mainRef.current?.scrollIntoView();
  };

  return (
    <>
      <a className="skip-link" href="#main" onClick={skipToContent}>
        {t('app.skipLink')}
      </a>
      <SiteHeader />
      <main className="main" id="main" ref={mainRef} tabIndex={-1}>
        <div className="container">
          <UpdateBanner />
          <Outlet />
        </div>
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t('app.footer')}</p>
        </div>
      </footer>
    </>
  );
}
